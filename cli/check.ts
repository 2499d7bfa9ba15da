import * as fs from "fs";
import * as path from "path";
import { readTenantStacks, SynthesizedOutputError } from "../stacks/synthesized";
import { toJson, toMarkdown, toText } from "../guardrails/report";
import { blockingFindings, checkStacks, TenantCheck, today } from "../guardrails/run";
import { loadTenant, loadTenants } from "../tenants/load";
import { Command, parseFlags, UsageError } from "./command";

export const checkCommand: Command = {
  name: "check",
  summary: "check synthesized stacks against the guardrail rules (guardrails/RULES.md)",
  usage: `Usage: werkplek check [--tenant <name>] [--out <dir>] [--json | --markdown]

Runs every guardrail rule over the synthesized stacks of each tenant (or one with --tenant),
applies the tenant file's guardrails.suppressions, and prints the findings with their fix.
Suppressed findings are listed with their reason.

Options:
  --tenant <name>  check only tenants/<name>.yaml
  --out <dir>      synthesized folder (default: cdktf.out)
  --json           print {"findings": [...], "summary": {...}}
  --markdown       print a per-tenant table of controls for a pull-request comment
  -h, --help       show this help

Exit codes: 0 no error finding, 1 error finding(s), 2 bad flag, unknown tenant or missing folder.`,
  async run(argv, io) {
    const { values } = parseFlags("check", argv, {
      tenant: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
    });
    if (values.json && values.markdown) throw new UsageError("check: --json and --markdown cannot be combined; pick one");
    const out = values.out ?? "cdktf.out";
    if (!fs.existsSync(path.join(out, "stacks"))) {
      throw new UsageError(`check: --out "${out}": no synthesized stacks in ${path.join(out, "stacks")}; run npm run synth first`);
    }
    const tenants = values.tenant ? [loadTenant(values.tenant)] : loadTenants();
    const date = today();
    const checks: TenantCheck[] = tenants.map((t) => {
      let stacks;
      try {
        stacks = readTenantStacks(out, t.name);
      } catch (e) {
        if (e instanceof SynthesizedOutputError) throw new UsageError(`check: ${e.message}`);
        throw e;
      }
      if (stacks.length === 0) throw new UsageError(`check: no synthesized stacks for tenant "${t.name}" in ${path.join(out, "stacks")}; run npm run synth first`);
      return checkStacks(t, stacks, date);
    });
    if (values.json) io.out(JSON.stringify(toJson(checks), null, 2) + "\n");
    else if (values.markdown) io.out(toMarkdown(checks));
    else io.out(toText(checks));
    return blockingFindings(checks).length > 0 ? 1 : 0;
  },
};
