/**
 * Entry point of `cdktf synth`: load and validate every tenant file, build each tenant's stacks,
 * synthesize, and print a summary line per tenant.
 */
import { App } from "cdktf";
import { summarize } from "./cli/summary";
import { buildTenant } from "./stacks/tenant";
import { loadTenants, TenantFileError } from "./tenants/load";

function main(): number {
  let tenants;
  try {
    tenants = loadTenants(process.env.WERKPLEK_TENANTS_DIR || undefined);
  } catch (e) {
    if (e instanceof TenantFileError) {
      process.stderr.write(`werkplek: invalid tenant files, nothing synthesized:\n${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const app = new App();
  for (const tenant of tenants) buildTenant(app, tenant);
  app.synth();
  process.stdout.write(summarize(app.outdir, tenants.map((t) => t.name)));
  return 0;
}

process.exitCode = main();
