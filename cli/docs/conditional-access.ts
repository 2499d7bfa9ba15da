import { Token } from "cdktf";
import { AUTHENTICATION_STRENGTHS, ConditionalAccessPolicySpec, WELL_KNOWN_APPS } from "../../constructs/conditional-access/spec";
import { loadPersonas } from "../../constructs/conditional-access/personas";
import { DIRECTORY_ROLES } from "../../policies/identity/directory-roles";
import type { Tenant } from "../../tenants/schema";
import { coverageMatrix } from "../whatif";
import { DocsContext } from "./context";
import { table } from "./markdown";

const STATE: Record<ConditionalAccessPolicySpec["state"], string> = {
  enabled: "afgedwongen",
  enabledForReportingButNotEnforced: "alleen rapporteren (nog niet afgedwongen)",
  disabled: "uitgeschakeld",
};

const CLIENT: Record<string, string> = {
  all: "elk programma",
  browser: "een browser",
  mobileAppsAndDesktopClients: "apps en desktopprogramma's",
  exchangeActiveSync: "Exchange ActiveSync",
  other: "oude protocollen (POP, IMAP, SMTP)",
};

const CONTROL: Record<string, string> = {
  block: "toegang blokkeren",
  mfa: "meervoudige verificatie (MFA)",
  compliantDevice: "conform (door Intune beheerd) toestel",
  domainJoinedDevice: "domeingekoppeld toestel",
  passwordChange: "wachtwoord wijzigen",
  compliantApplication: "goedgekeurde app",
};

const STRENGTH: Record<string, string> = {
  [AUTHENTICATION_STRENGTHS.mfa]: "MFA-sterkte",
  [AUTHENTICATION_STRENGTHS.passwordlessMfa]: "wachtwoordloze MFA",
  [AUTHENTICATION_STRENGTHS.phishingResistantMfa]: "phishingbestendige MFA (FIDO2-sleutel, Windows Hello)",
};

function groupName(t: Tenant, key: string): string {
  return t.groups[key]?.displayName ?? key;
}

function roleName(id: string): string {
  return Object.entries(DIRECTORY_ROLES).find(([, v]) => v === id)?.[0] ?? id;
}

function appName(id: string): string {
  if (id === "All") return "alle cloud-apps";
  if (id === "Office365") return "Office 365 (Exchange, SharePoint, Teams, ...)";
  if (id === WELL_KNOWN_APPS.azureManagement) return "Azure-beheer (portaal, CLI, PowerShell)";
  if (Token.isUnresolved(id)) return "de Awingu-werkplek";
  return `app ${id}`;
}

/** One policy in words, from the spec the stack synthesizes. */
export function describePolicy(t: Tenant, p: ConditionalAccessPolicySpec): string[] {
  const c = p.conditions;
  const u = c.users;
  const who = [
    ...(u.includeUsers ?? []).map((x) => (x === "All" ? "iedereen" : "gasten en externe gebruikers")),
    ...(u.includeGroups ?? []).map((g) => `groep ${groupName(t, g)}`),
    ...(u.includeRoles?.length ? [`beheerders met een van ${u.includeRoles.length} gevoelige rollen (${u.includeRoles.slice(0, 3).map(roleName).join(", ")}, ...)`] : []),
    ...(u.includeGuestsOrExternalUsers?.length ? ["gasten"] : []),
  ];
  const except = ["de noodaccounts", ...(u.excludeGroups ?? []).map((g) => `groep ${groupName(t, g)}`), ...(u.excludeGuestsOrExternalUsers?.length ? ["gasten"] : [])];
  const apps = c.applications.includeUserActions
    ? c.applications.includeUserActions.map((a) => (a === "urn:user:registersecurityinfo" ? "beveiligingsgegevens registreren (MFA instellen)" : "een toestel registreren"))
    : c.applications.includeApplications.map(appName);
  const when: string[] = [];
  if (!c.clientAppTypes.includes("all")) when.push(`met ${c.clientAppTypes.map((x) => CLIENT[x]).join(" of ")}`);
  if (c.platforms) when.push(`op ${c.platforms.includePlatforms.includes("all") ? "elk platform" : c.platforms.includePlatforms.join(", ")}${c.platforms.excludePlatforms?.length ? ` behalve ${c.platforms.excludePlatforms.join(", ")}` : ""}`);
  if (c.locations) {
    const loc = (l: string) => ({ All: "overal", AllTrusted: "vertrouwde locaties", allowedCountries: `toegelaten landen (${t.allowedCountries.join(", ")})`, trustedOffice: "het kantoornetwerk" })[l] ?? l;
    when.push(`vanuit ${c.locations.includeLocations.map(loc).join(", ")}${c.locations.excludeLocations?.length ? ` behalve ${c.locations.excludeLocations.map(loc).join(", ")}` : ""}`);
  }
  if (c.devices) when.push("op een toestel dat niet door de gemeente beheerd wordt");
  if (c.userRiskLevels?.length) when.push(`bij gebruikersrisico ${c.userRiskLevels.join(", ")}`);
  if (c.signInRiskLevels?.length) when.push(`bij aanmeldrisico ${c.signInRiskLevels.join(", ")}`);
  if (c.authenticationFlows) when.push(`bij ${c.authenticationFlows.transferMethods.map((m) => (m === "deviceCodeFlow" ? "aanmelden met een apparaatcode" : "authenticatieoverdracht")).join(", ")}`);
  const g = p.grantControls;
  const grant = g
    ? [...(g.authenticationStrength ? [STRENGTH[g.authenticationStrength] ?? g.authenticationStrength] : []), ...(g.builtInControls ?? []).map((x) => CONTROL[x] ?? x)].join(g.operator === "AND" ? " én " : " of ")
    : "geen voorwaarde";
  const s = p.sessionControls;
  const session = s
    ? [
        ...(s.applicationEnforcedRestrictions ? ["alleen lezen in de browser, niets downloaden"] : []),
        ...(s.persistentBrowser === "never" ? ["geen blijvende browsersessie"] : []),
        ...(s.signInFrequency ? [s.signInFrequency === "everyTime" ? "telkens opnieuw aanmelden" : `opnieuw aanmelden na ${s.signInFrequency.value} ${s.signInFrequency.type === "hours" ? "uur" : "dagen"}`] : []),
      ]
    : [];
  return [
    `- **Staat:** ${STATE[p.state]}`,
    `- **Wie:** ${who.join(", ")}; niet voor ${except.join(", ")}`,
    `- **Wat:** ${apps.join(", ")}`,
    ...(when.length ? [`- **Wanneer:** ${when.join("; ")}`] : []),
    `- **Vereist:** ${grant}`,
    ...(session.length ? [`- **Sessie:** ${session.join(", ")}`] : []),
    `- **Controles:** ${p.controls.join(", ") || "—"}`,
  ];
}

export function conditionalAccessPage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const policies = ctx.stacks.conditionalAccess.policies;
  const summary = table(
    ["regel", "staat", "vereist"],
    policies.map(({ spec }) => [spec.displayName, STATE[spec.state], describePolicy(t, spec).find((l) => l.startsWith("- **Vereist:**"))!.replace("- **Vereist:** ", "")]),
  );
  const matrix = coverageMatrix(policies, t, loadPersonas());
  return `# Voorwaardelijke toegang

Wie mag zich aanmelden, van waar en op welk toestel. Elke regel sluit de noodaccounts uit.
Nieuwe regels draaien eerst in "alleen rapporteren"; afdwingen is een aparte, nagekeken wijziging
in \`tenants/${t.name}.yaml\`.

${summary}

## De regels in woorden

${policies.map(({ spec }) => `### ${spec.displayName}\n\n${describePolicy(t, spec).join("\n")}`).join("\n\n")}

## Persona's en scenario's

Wat de what-if van werkplek (\`npx werkplek whatif\`) voor elke persona in elk scenario besluit,
met dezelfde regels als hierboven. "block" = geweigerd, "mfa"/"strength" = aanmelden met MFA,
"compliantDevice" = alleen op een beheerd toestel.

${matrix.markdown.replace(/^# .*\n\n/, "").replace(/^Scenarios:/m, "Scenario's:")}
`;
}
