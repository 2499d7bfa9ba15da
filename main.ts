/**
 * Entry point of `cdktf synth`: load and validate every tenant file, build the stacks of each
 * tenant (or only those WERKPLEK_TENANT names), synthesize, copy the provider lock file into every
 * stack folder, print a summary line per tenant, then run the guardrail rules over the output and
 * fail (exit 1) on an error finding. The findings are also written to cdktf.out/guardrails.json.
 */
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { summarize } from "./cli/summary";
import { toJson, toText } from "./guardrails/report";
import { blockingFindings, checkTenant } from "./guardrails/run";
import { ConfigurationError } from "./constructs/errors";
import { describePlacement, placeLockFile } from "./stacks/provider-lock";
import { buildTenant } from "./stacks/tenant";
import { AREAS, stackName } from "./stacks/werkplek-stack";
import { loadTenants, TenantFileError } from "./tenants/load";
import { selectTenants, TenantSelectionError } from "./tenants/select";

function main(): number {
  let tenants;
  try {
    // every file is validated (and checked against the others) whatever WERKPLEK_TENANT selects
    tenants = selectTenants(loadTenants());
  } catch (e) {
    if (e instanceof TenantFileError) {
      process.stderr.write(`werkplek: invalid tenant files, nothing synthesized:\n${e.message}\n`);
      return 2;
    }
    if (e instanceof TenantSelectionError) {
      process.stderr.write(`werkplek: ${e.message}; nothing synthesized\n`);
      return 2;
    }
    throw e;
  }
  // cdktf creates only the last folder of CDKTF_OUTDIR; create its parents too
  fs.mkdirSync(process.env.CDKTF_OUTDIR || "cdktf.out", { recursive: true });
  const app = new App();
  const problems: string[] = [];
  for (const tenant of tenants) {
    try {
      buildTenant(app, tenant);
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      problems.push(`tenants/${tenant.name}.yaml: ${e.message}`);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(`werkplek: configuration that cannot be deployed, nothing synthesized:\n${problems.join("\n")}\n`);
    return 2;
  }
  app.synth();
  process.stdout.write(summarize(app.outdir, tenants.map((t) => t.name)));
  const stackFolders = tenants.flatMap((t) => AREAS.map((a) => stackName(t.name, a))).filter((s) => fs.existsSync(path.join(app.outdir, "stacks", s)));
  const lock = placeLockFile(app.outdir, stackFolders);
  (lock.status === "stale" ? process.stderr : process.stdout).write(describePlacement(lock));

  const checks = tenants.map((t) => checkTenant(t, app.outdir));
  fs.writeFileSync(path.join(app.outdir, "guardrails.json"), JSON.stringify(toJson(checks), null, 2) + "\n");
  if (blockingFindings(checks).length > 0) {
    process.stderr.write(toText(checks));
    process.stderr.write("werkplek: guardrail errors, see above (suppress with a reason under guardrails.suppressions in the tenant file)\n");
    return 1;
  }
  process.stdout.write(toText(checks));
  return 0;
}

process.exitCode = main();
