import { TeamsDocumentPolicy } from "../../constructs/teams/document";
import { DocsContext } from "./context";
import { flowchart, MermaidEdge, MermaidIds, MermaidNode, table } from "./markdown";

const show = (v: unknown) => (v === undefined ? "(standaard)" : Array.isArray(v) ? v.join(", ") || "—" : String(v));

function meetingPolicies(policies: readonly TeamsDocumentPolicy[]): string {
  const meeting = policies.filter((p) => p.policyType === "TeamsMeetingPolicy");
  const params = [...new Set(meeting.flatMap((p) => Object.keys(p.parameters)))].filter((k) => k !== "Description").sort();
  return table(["parameter", ...meeting.map((p) => p.identity)], params.map((k) => [k, ...meeting.map((p) => show((p.parameters as Record<string, unknown>)[k]))]));
}

/** What a custom meeting policy allows beyond the global one, in words, from its parameters. */
function meetingFeatures(p: TeamsDocumentPolicy, global: TeamsDocumentPolicy | undefined): string[] {
  const v = (x: TeamsDocumentPolicy | undefined, k: string) => (x?.parameters as Record<string, unknown> | undefined)?.[k];
  const more = (k: string) => v(p, k) === true && v(global, k) !== true;
  return [
    ...(more("AllowCloudRecording") ? ["met opname"] : []),
    ...(more("AllowTranscription") ? ["met transcriptie"] : []),
    ...(more("AllowAnonymousUsersToJoinMeeting") ? [`anonieme deelnemers${v(p, "AutoAdmittedUsers") === "Everyone" ? "" : " via de wachtruimte"}`] : []),
  ];
}

/**
 * Who gets which custom meeting and events policy, from the document's policies and group
 * assignments (`teams.councilMeetings` in the tenant file); a policy no group has is said to apply to no one.
 */
function councilSentence(t: DocsContext["tenant"], doc: DocsContext["stacks"]["collaboration"]["teamsPolicies"]["document"]): string {
  const names = (type: string, policy: string) =>
    doc.groupAssignments.filter((a) => a.policyType === type && a.policyName === policy).map((a) => t.groups[a.group]?.displayName ?? a.group);
  const list = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} en ${xs[xs.length - 1]}`);
  const global = doc.policies.find((p) => p.policyType === "TeamsMeetingPolicy" && p.identity === "Global");
  const lines = ["De globale regels gelden voor iedereen."];
  for (const p of doc.policies.filter((x) => x.identity !== "Global")) {
    const groups = names(p.policyType, p.identity);
    if (p.policyType === "TeamsMeetingPolicy") {
      const features = meetingFeatures(p, global);
      const what = features.length ? `: ${features.join(", ")}` : "";
      lines.push(
        groups.length
          ? `Leden van ${list(groups)} vergaderen met het beleid ${p.identity}${what}.`
          : `Het beleid ${p.identity}${what ? ` (${features.join(", ")})` : ""} is aan geen groep toegewezen (\`teams.councilMeetings.groups\` is leeg) en geldt dus voor niemand.`,
      );
    } else if (p.policyType === "TeamsEventsPolicy") {
      lines.push(
        groups.length
          ? `Leden van ${list(groups)} mogen openbare zittingen uitzenden (beleid ${p.identity}).`
          : `Niemand mag openbare zittingen uitzenden met het beleid ${p.identity} (\`teams.councilMeetings.townHallGroups\` is leeg).`,
      );
    }
  }
  return lines.join("\n");
}

export function teamsIntunePage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const doc = ctx.stacks.collaboration.teamsPolicies.document;
  const federation = doc.policies.find((p) => p.policyType === "TenantFederationConfiguration")?.parameters as Record<string, unknown> | undefined;
  const domains = (federation?.AllowedDomainsAsAList as string[] | undefined) ?? [];
  const assignments = table(
    ["groep", "beleid", "naam", "rang"],
    doc.groupAssignments.map((a) => [t.groups[a.group]?.displayName ?? a.group, a.policyType, a.policyName ?? "(standaard)", a.rank ?? "—"]),
  );
  const teamsGroups = Object.values(ctx.stacks.collaboration.teams).map((g) => g.displayName);
  const creatorsKey = t.teams.groupCreation.allowedGroup;
  const creators = creatorsKey ? (t.groups[creatorsKey]?.displayName ?? creatorsKey) : undefined;

  const profiles = Object.values(ctx.stacks.devices.profiles);
  const nodes: MermaidNode[] = [];
  const edges: MermaidEdge[] = [];
  const groupIds = new MermaidIds("g");
  const groupNodes = new Map<string, string>();
  const groupNode = (name: string) => {
    if (!groupNodes.has(name)) groupNodes.set(name, groupIds.of(name));
    return groupNodes.get(name)!;
  };
  profiles.forEach((p, i) => {
    const id = `p${i}`;
    nodes.push({ id, label: p.displayName });
    for (const g of p.include) edges.push({ from: id, to: groupNode(g.displayName), label: "toegewezen" });
    for (const g of p.exclude) edges.push({ from: id, to: groupNode(g.displayName), label: "uitgesloten", dotted: true });
  });
  for (const [name, id] of groupNodes) nodes.push({ id, label: name, shape: "round" });

  return `# Teams en Intune

## Teams-vergaderbeleid

${councilSentence(t, doc)}

${meetingPolicies(doc.policies)}

## Groepen met een eigen Teams-beleid

${assignments}

## Externe toegang

Chatten en vergaderen met andere organisaties kan alleen met deze domeinen:
${domains.length ? domains.map((d) => `\`${d}\``).join(", ") : "geen (externe toegang staat uit)"}.
Teams voor consumenten (persoonlijke accounts) staat uit.

Teams die werkplek beheert: ${teamsGroups.join(", ") || "geen"}. ${creators ? `Alleen leden van ${creators} (en beheerders) maken nieuwe groepen en Teams aan.` : "Alleen beheerders maken nieuwe groepen en Teams aan."}

## Intune-profielen voor de laptops

${profiles.length ? flowchart("LR", nodes, edges) : "Geen Intune-profielen (geen `devices` in het tenantbestand)."}

${table(
  ["profiel", "soort", "toegewezen aan", "uitgesloten"],
  profiles.map((p) => [p.displayName, p.kind, p.include.map((g) => g.displayName).join(", "), p.exclude.map((g) => g.displayName).join(", ") || "—"]),
)}
`;
}
