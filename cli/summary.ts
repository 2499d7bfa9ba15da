import * as fs from "fs";
import * as path from "path";
import { AREAS, stackName } from "../stacks/werkplek-stack";

/** Resource count of a synthesized stack (managed resources, not data sources). */
export function countResources(stackJson: { resource?: Record<string, Record<string, unknown>> }): number {
  return Object.values(stackJson.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/** One line per tenant: each stack with its resource count. */
export function summarize(outdir: string, tenants: string[]): string {
  return tenants
    .map((t) => {
      const parts = AREAS.map((area) => {
        const name = stackName(t, area);
        const file = path.join(outdir, "stacks", name, "cdk.tf.json");
        const n = fs.existsSync(file) ? countResources(JSON.parse(fs.readFileSync(file, "utf8"))) : 0;
        return `${area} ${n}`;
      });
      return `werkplek: ${t}: ${parts.join(", ")} resources\n`;
    })
    .join("");
}
