import { AREAS, Area, stackName } from "../../stacks/werkplek-stack";
import { resourceCount } from "../../stacks/synthesized";
import type { DocsContext } from "./context";
import { flowchart, MermaidIds, table } from "./markdown";

const WHAT: Record<Area, string> = {
  state: "opslag voor de Terraform-state van de andere stacks",
  identity: "groepen, licenties, beheerdersrollen, locaties, tenantinstellingen, aanmeldlogboeken",
  "conditional-access": "voorwaardelijke toegang: wie mag binnen, van waar, op welk toestel",
  collaboration: "afspraken voor Teams en de Teams-beleidsregels",
  devices: "Intune-profielen voor de Windows-laptops",
  "remote-access": "de Awingu-werkplek achter een web application firewall",
};

/** Cross-stack dependencies, read from the synthesized remote-state data sources. */
function dependencies(ctx: DocsContext): [Area, Area][] {
  const edges: [Area, Area][] = [];
  for (const area of AREAS) {
    const remote = Object.keys(ctx.synthesized[area].json.data?.terraform_remote_state ?? {});
    for (const other of AREAS) {
      if (remote.some((r) => r.includes(stackName(ctx.tenant.name, other)))) edges.push([other, area]);
    }
  }
  return edges;
}

export function overviewPage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const rows = AREAS.map((a) => [`\`${stackName(t.name, a)}\``, resourceCount(ctx.synthesized[a].json), WHAT[a]]);
  const ids = new MermaidIds("s");
  const diagram = flowchart(
    "LR",
    AREAS.map((a) => ({ id: ids.of(a), label: `${a} (${resourceCount(ctx.synthesized[a].json)})`, shape: a === "state" ? ("db" as const) : ("box" as const) })),
    dependencies(ctx).map(([from, to]) => ({ from: ids.of(from), to: ids.of(to) })),
  );
  return `# ${t.displayName}: de digitale werkplek

Gegenereerd door \`werkplek docs\` uit \`tenants/${t.name}.yaml\` en de code; niet met de hand aanpassen.

Tenant \`${t.tenantId}\`, domein \`${t.primaryDomain}\`, Azure-regio \`${t.location}\`.

## Stacks

${table(["stack", "resources", "wat erin zit"], rows)}

## Afhankelijkheden tussen de stacks

Een pijl betekent: gebruikt objecten uit (en wordt dus na) de vorige stack uitgerold.

${diagram}

## Pagina's

- [Identiteit](identity.md): groepen, licenties en beheerdersrollen
- [Voorwaardelijke toegang](conditional-access.md)
- [Netwerk](network.md): Awingu-werkplek en toegang van buitenaf
- [Teams en Intune](teams-intune.md)
- [Telewerkgids voor medewerkers](telewerk.md)
`;
}
