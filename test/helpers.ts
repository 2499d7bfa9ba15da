import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";
import { parse } from "yaml";
import { buildTenant, TenantStacks } from "../stacks/tenant";
import type { StackJson } from "../stacks/synthesized";
import { loadTenant } from "../tenants/load";
import { Tenant, TenantSchema } from "../tenants/schema";

export const ROOT = path.join(__dirname, "..");

/** The shipped example tenant, validated. */
export function kraainem(): Tenant {
  return loadTenant("kraainem");
}

/** The example tenant file as raw data, to mutate in a test and validate again. */
export function kraainemRaw(): Record<string, unknown> {
  return parse(fs.readFileSync(path.join(ROOT, "tenants", "kraainem.yaml"), "utf8"));
}

export function tenantFrom(raw: unknown): Tenant {
  return TenantSchema.parse(raw);
}

/** Builds every stack of a tenant in a fresh test app. */
export function buildStacks(tenant: Tenant = kraainem()): TenantStacks {
  return buildTenant(Testing.app(), tenant);
}

export type { StackJson };

/** The synthesized Terraform JSON of one stack. */
export function synthJson(stack: TerraformStack): StackJson {
  return JSON.parse(Testing.synth(stack));
}

/** All resources of one type in a synthesized stack, as a list. */
export function resourcesOf(json: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** A temporary folder, removed by the caller's afterAll/afterEach. */
export function tempDir(prefix = "werkplek-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The rows of the first Markdown table after `heading` in `page`, as cells (header row first). */
export function tableAfter(page: string, heading: string): string[][] {
  const lines = page.slice(page.indexOf(heading)).split("\n");
  const block = lines.slice(lines.findIndex((l) => l.startsWith("| ")));
  const end = block.findIndex((l) => !l.startsWith("| "));
  return block
    .slice(0, end < 0 ? undefined : end)
    .filter((l) => !l.startsWith("| ---"))
    .map((l) => l.slice(2, -2).split(" | "));
}
