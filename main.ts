/**
 * Entry point of `cdktf synth`: load and validate every tenant file, build the stacks of each
 * tenant (or only those WERKPLEK_TENANT names), synthesize, copy the provider lock file into every
 * stack folder, print a summary line per tenant, then run the guardrail rules over the output and
 * fail (exit 1) on an error finding. The findings are also written to cdktf.out/guardrails.json.
 */
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { summarize } from "./cli/summary";
import { toJson, toText } from "./guardrails/report";
import { blockingFindings, checkTenant } from "./guardrails/run";
import { ConfigurationError } from "./constructs/errors";
import { makeFolder } from "./constructs/text-file";
import { describePlacement, placeLockFile } from "./stacks/provider-lock";
import { staleStackFolders } from "./stacks/synthesized";
import { buildTenant } from "./stacks/tenant";
import { AREAS, stackName } from "./stacks/werkplek-stack";
import { listTenantFiles, loadTenants, TenantFileError } from "./tenants/load";
import { findPlaceholders, placeholderWarning } from "./tenants/placeholders";
import { selectTenants, TenantSelectionError } from "./tenants/select";

function main(): number {
  let all;
  let tenants;
  try {
    // every file is validated (and checked against the others) whatever WERKPLEK_TENANT selects
    all = loadTenants();
    tenants = selectTenants(all);
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
  const selected = tenants.map((t) => t.name);
  for (const file of listTenantFiles().filter((f) => selected.includes(path.basename(f).replace(/\.ya?ml$/, "")))) {
    const placeholders = findPlaceholders(file, path.relative(process.cwd(), file) || file);
    if (placeholders.length > 0) process.stderr.write(placeholderWarning(placeholders));
  }
  // cdktf creates only the last folder of CDKTF_OUTDIR; create its parents too
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  try {
    makeFolder(path.dirname(path.resolve(outdir)));
  } catch (e) {
    process.stderr.write(`werkplek: the output folder ${outdir} (CDKTF_OUTDIR) cannot be created: ${(e as Error).message}\n`);
    return 2;
  }
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
  // Stack folders of removed tenants (or areas) would otherwise stay and be compared by a diff;
  // a folder holding local state is never deleted.
  // folders of tenants WERKPLEK_TENANT left out are kept: only a tenant without a file is removed
  const names = all.map((t) => t.name);
  const stacks = app.node.children.filter((c) => TerraformStack.isStack(c)).map((c) => c.node.id);
  const stale = staleStackFolders(app.outdir, { tenants: names, built: selected, stacks });
  const withState = stale.filter((s) => s.stateFiles.length > 0);
  if (withState.length > 0) {
    const lines = withState.map(
      (s) =>
        `${path.join(app.outdir, "stacks", s.name)} holds local Terraform state (${s.stateFiles.join(", ")}), but ${
          names.includes(s.tenant) ? `tenant ${s.tenant} no longer has this stack` : `there is no tenants/${s.tenant}.yaml any more`
        }`,
    );
    process.stderr.write(
      `werkplek: stack folders of removed tenants hold state, nothing synthesized:\n${lines.join("\n")}\n` +
        "The synth removes the stack folders of removed tenants, never a state file: it is the only record of what terraform made. " +
        "Destroy or move that state first (docs/state.md), or restore the tenant file; then synth again.\n",
    );
    return 2;
  }
  // Run by the cdktf CLI (`cdktf synth`/`deploy`, which hands the app CDKTF_CONTEXT_JSON), the CLI
  // removes the stack folders it listed before the run itself after the app exits, and fails on a
  // folder that is already gone (cdktf-cli 0.21 bundle/bin/cmds/handlers.js, synth): leave them to
  // it. The refusal above still stops it from deleting a folder that holds state.
  if (!process.env.CDKTF_CONTEXT_JSON) {
    for (const s of stale) fs.rmSync(s.dir, { recursive: true, force: true });
    if (stale.length > 0) process.stdout.write(`werkplek: removed the stack folders no tenant has any more: ${stale.map((s) => s.name).join(", ")}\n`);
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

try {
  process.exitCode = main();
} catch (e) {
  // exit 1 means "guardrail errors" to the workflows: a bug must never look like that
  const error = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`werkplek: internal error (exit 70): ${error.message}\nThis is a bug in werkplek, not in your input: please report it with this output.\n${error.stack ?? ""}\n`);
  process.exitCode = 70;
}
