import { DIRECTORY_ROLES } from "../../policies/identity/directory-roles";
import { DocsContext } from "./context";
import { flowchart, MermaidEdge, MermaidNode, mermaidId, table } from "./markdown";

export function identityPage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const rolesOf = (key: string) => t.adminRoles[key] ?? [];
  const rows = Object.entries(t.groups).map(([key, g]) => {
    const kind = [
      g.kind === "microsoft365" ? "Microsoft 365" : "beveiliging",
      g.dynamicRule ? "dynamisch" : "toegewezen",
      ...(g.roleAssignable || rolesOf(key).length ? ["rol-toewijsbaar"] : []),
    ].join(", ");
    return [g.displayName, `\`${key}\``, kind, g.dynamicRule ? `\`${g.dynamicRule}\`` : "leden beheerd in Entra ID", g.licences.join(", ") || "—", rolesOf(key).join(", ") || "—"];
  });

  const nodes: MermaidNode[] = [];
  const edges: MermaidEdge[] = [];
  const used = new Set<string>();
  for (const [key, g] of Object.entries(t.groups)) {
    if (!g.licences.length && !rolesOf(key).length) continue;
    nodes.push({ id: mermaidId(`g_${key}`), label: g.displayName });
    for (const l of g.licences) {
      used.add(`l_${l}`);
      edges.push({ from: mermaidId(`g_${key}`), to: mermaidId(`l_${l}`), label: "licentie" });
    }
    for (const r of rolesOf(key)) {
      used.add(`r_${r}`);
      edges.push({ from: mermaidId(`g_${key}`), to: mermaidId(`r_${r}`), label: "rol" });
    }
  }
  for (const u of [...used].sort()) {
    const [kind, name] = [u.slice(0, 1), u.slice(2)];
    nodes.push({ id: mermaidId(u), label: name, shape: kind === "l" ? "round" : "hex" });
  }

  return `# Identiteit

## Groepen

${table(["groep", "sleutel", "soort", "leden", "licenties", "rollen"], rows)}

## Licenties en beheerdersrollen

Licenties worden per groep toegekend (groepsgebaseerde licenties); rollen alleen aan
rol-toewijsbare groepen, met de minste rechten die nodig zijn.

${flowchart("LR", nodes, edges)}

${table(
  ["rol", "sjabloon-id"],
  [...new Set(Object.values(t.adminRoles).flat())].sort().map((r) => [r, `\`${DIRECTORY_ROLES[r as keyof typeof DIRECTORY_ROLES]}\``]),
)}

## Noodtoegang

De noodaccounts (${t.breakGlass.accountObjectIds.length}) en hun groep \`${t.breakGlass.groupObjectId}\` worden buiten
de code beheerd. Elke regel voor voorwaardelijke toegang sluit die groep uit.

## Toegelaten landen en vertrouwde netwerken

- Aanmelden kan uit: ${t.allowedCountries.join(", ")}
- Vertrouwde kantoornetwerken: ${t.trustedIpRanges.map((r) => `\`${r}\``).join(", ") || "geen"}
`;
}
