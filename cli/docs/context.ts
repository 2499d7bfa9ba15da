import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { readTenantStacks, SynthesizedStack } from "../../stacks/synthesized";
import { buildTenant, TenantStacks } from "../../stacks/tenant";
import type { Area } from "../../stacks/werkplek-stack";
import type { Tenant } from "../../tenants/schema";

/**
 * What the pages are written from: the tenant, its stack objects and their synthesized JSON —
 * the same objects `npm run synth` writes, built once in a throw-away output folder.
 */
export interface DocsContext {
  readonly tenant: Tenant;
  readonly stacks: TenantStacks;
  /** The synthesized stacks by area, read by the one reader (stacks/synthesized.ts). */
  readonly synthesized: Readonly<Record<Area, SynthesizedStack>>;
}

export function docsContext(tenant: Tenant): DocsContext {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-docs-"));
  try {
    const app = new App({ outdir });
    const stacks = buildTenant(app, tenant);
    app.synth();
    const synthesized = Object.fromEntries(readTenantStacks(outdir, tenant.name).map((s) => [s.area, s])) as Record<Area, SynthesizedStack>;
    return { tenant, stacks, synthesized };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
