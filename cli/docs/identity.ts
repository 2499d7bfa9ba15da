import { DIRECTORY_ROLES } from "../../facts/directory-roles";
import { DocsContext } from "./context";
import { flowchart, MermaidEdge, MermaidIds, MermaidNode, table } from "./markdown";
import { remoteSupportRolesSection } from "./remote-help";

/**
 * Product names of well-known SKU part numbers (Microsoft's "Product names and service plan
 * identifiers for licensing" list); a part number not listed here is shown as its code.
 */
export const SKU_NAMES: Readonly<Record<string, string>> = {
  SPB: "Microsoft 365 Business Premium",
  O365_BUSINESS_ESSENTIALS: "Microsoft 365 Business Basic",
  O365_BUSINESS_PREMIUM: "Microsoft 365 Business Standard",
  SPE_E3: "Microsoft 365 E3",
  SPE_E5: "Microsoft 365 E5",
  SPE_F1: "Microsoft 365 F3",
  STANDARDPACK: "Office 365 E1",
  ENTERPRISEPACK: "Office 365 E3",
  ENTERPRISEPREMIUM: "Office 365 E5",
  DESKLESSPACK: "Office 365 F3",
  EXCHANGESTANDARD: "Exchange Online (Plan 1)",
  EMS: "Enterprise Mobility + Security E3",
  AAD_PREMIUM: "Microsoft Entra ID P1",
  AAD_PREMIUM_P2: "Microsoft Entra ID P2",
  INTUNE_A: "Microsoft Intune Plan 1",
  TEAMS_EXPLORATORY: "Microsoft Teams Exploratory",
};

/** "Microsoft 365 Business Premium (SPB)" for a known SKU, the code itself otherwise. */
export function licenceName(sku: string): string {
  return SKU_NAMES[sku] ? `${SKU_NAMES[sku]} (${sku})` : sku;
}

export function identityPage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const rolesOf = (key: string) => t.adminRoles[key] ?? [];
  const rows = Object.entries(t.groups).map(([key, g]) => {
    const kind = [
      g.kind === "microsoft365" ? "Microsoft 365" : "beveiliging",
      g.dynamicRule ? "dynamisch" : "toegewezen",
      ...(g.roleAssignable || rolesOf(key).length ? ["rol-toewijsbaar"] : []),
    ].join(", ");
    return [g.displayName, `\`${key}\``, kind, g.dynamicRule ? `\`${g.dynamicRule}\`` : "leden beheerd in Entra ID", g.licences.map(licenceName).join(", ") || "—", rolesOf(key).join(", ") || "—"];
  });

  // one id space per kind of node (distinct prefixes), so a group, a licence and a role never share an id
  const ids = { group: new MermaidIds("g"), licence: new MermaidIds("l"), role: new MermaidIds("r") };
  const nodes: MermaidNode[] = [];
  const edges: MermaidEdge[] = [];
  const licences = new Set<string>();
  const roles = new Set<string>();
  for (const [key, g] of Object.entries(t.groups)) {
    if (!g.licences.length && !rolesOf(key).length) continue;
    nodes.push({ id: ids.group.of(key), label: g.displayName });
    for (const l of g.licences) {
      licences.add(l);
      edges.push({ from: ids.group.of(key), to: ids.licence.of(l), label: "licentie" });
    }
    for (const r of rolesOf(key)) {
      roles.add(r);
      edges.push({ from: ids.group.of(key), to: ids.role.of(r), label: "rol" });
    }
  }
  for (const l of [...licences].sort()) nodes.push({ id: ids.licence.of(l), label: licenceName(l), shape: "round" });
  for (const r of [...roles].sort()) nodes.push({ id: ids.role.of(r), label: r, shape: "hex" });

  // the Teams-enabled Microsoft 365 groups the collaboration stack makes
  const teams = Object.entries(ctx.stacks.collaboration.teams).map(([key, g]) => {
    const team = t.teams.teams[key];
    return [
      g.displayName,
      `\`${key}\``,
      team?.dynamicRule ? `\`${team.dynamicRule}\`` : "leden beheerd in Teams door de eigenaars",
      team?.owners.length ?? 0,
      team?.description ?? "—",
    ];
  });

  return `# Identiteit

## Groepen

${table(["groep", "sleutel", "soort", "leden", "licenties", "rollen"], rows)}

## Teams

Microsoft 365-groepen met een Team, gemaakt door de stack \`${t.name}-collaboration\`
(\`teams.teams\` in \`tenants/${t.name}.yaml\`):

${teams.length ? table(["team", "sleutel", "leden", "eigenaars", "omschrijving"], teams) : "Geen (geen \`teams.teams\` in het tenantbestand)."}

## Licenties en beheerdersrollen

Licenties worden per groep toegekend (groepsgebaseerde licenties); rollen alleen aan
rol-toewijsbare groepen, met de minste rechten die nodig zijn.

${flowchart("LR", nodes, edges)}

${table(
  ["rol", "sjabloon-id"],
  [...new Set(Object.values(t.adminRoles).flat())].sort().map((r) => [r, `\`${DIRECTORY_ROLES[r as keyof typeof DIRECTORY_ROLES]}\``]),
)}

${remoteSupportRolesSection(ctx)}
## Noodtoegang

De noodaccounts (${t.breakGlass.accountObjectIds.length}) en hun groep \`${t.breakGlass.groupObjectId}\` worden buiten
de code beheerd. Elke regel voor voorwaardelijke toegang sluit die groep uit.

## Toegelaten landen en vertrouwde netwerken

- Aanmelden kan uit: ${t.allowedCountries.join(", ")}
- Vertrouwde kantoornetwerken: ${t.trustedIpRanges.map((r) => `\`${r}\``).join(", ") || "geen"}
`;
}
