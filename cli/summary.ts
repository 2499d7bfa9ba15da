import { readTenantStacks, resourceCount } from "../stacks/synthesized";
import { AREAS } from "../stacks/werkplek-stack";

/** One line per tenant: each stack with its resource count. */
export function summarize(outdir: string, tenants: string[]): string {
  return tenants
    .map((t) => {
      const stacks = readTenantStacks(outdir, t);
      const parts = AREAS.map((area) => {
        const s = stacks.find((x) => x.area === area);
        return `${area} ${s ? resourceCount(s.json) : 0}`;
      });
      return `werkplek: ${t}: ${parts.join(", ")} resources\n`;
    })
    .join("");
}
