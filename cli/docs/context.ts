import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { AREAS, Area } from "../../stacks/werkplek-stack";
import { buildTenant, TenantStacks } from "../../stacks/tenant";
import type { Tenant } from "../../tenants/schema";

/** Synthesized Terraform JSON of one stack. */
export interface StackJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
}

/**
 * What the pages are written from: the tenant, its stack objects and their synthesized JSON —
 * the same objects `npm run synth` writes, built once in a throw-away output folder.
 */
export interface DocsContext {
  readonly tenant: Tenant;
  readonly stacks: TenantStacks;
  readonly json: Readonly<Record<Area, StackJson>>;
}

export function docsContext(tenant: Tenant): DocsContext {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-docs-"));
  try {
    const app = new App({ outdir });
    const stacks = buildTenant(app, tenant);
    app.synth();
    const json = {} as Record<Area, StackJson>;
    for (const area of AREAS) {
      json[area] = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", `${tenant.name}-${area}`, "cdk.tf.json"), "utf8"));
    }
    return { tenant, stacks, json };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** All resources of a type in a stack, by logical name, in name order. */
export function resources(json: StackJson, type: string): [string, Record<string, unknown>][] {
  return Object.entries(json.resource?.[type] ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

export function resourceCount(json: StackJson): number {
  return Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}
