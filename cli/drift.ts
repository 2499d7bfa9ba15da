import { Command, parseFlags, UsageError } from "./command";
import { driftCount, driftReport, driftRiskCount, renderDrift, renderPlanSummary } from "./review/drift-report";
import { COMMENT_LIMIT } from "./review/markdown";
import { readPlan } from "./review/plan";

export const driftCommand: Command = {
  name: "drift",
  summary: "drift report from 'terraform show -json' plans (refresh-only or normal)",
  usage: `Usage: werkplek drift <plan.json>... [--json] [--summary] [--title <text>] [--max-chars <n>]

Reads plans written by 'terraform show -json <planfile>' (best made with 'terraform plan
-refresh-only -out <planfile>'), one per stack, and reports what changed outside terraform:
each drifted resource by address and display name, each changed attribute as expected → live,
resources deleted outside terraform, and security-relevant drift (a conditional access policy
disabled or weakened, an NSG rule opened to the internet, a Teams setting loosened, a protected
resource deleted). Drift is decided from the plan's resource_drift, never from terraform's exit
code. Values marked sensitive in the plan are never printed.

Options:
  --json            print the report as JSON instead of Markdown
  --summary         plan summary for a pull request: changes per stack; exit 0 whatever drifted
  --title <text>    heading of the Markdown report (default: "werkplek drift")
  --max-chars <n>   cut the Markdown at n characters, with a note (default: ${COMMENT_LIMIT})
  -h, --help        show this help

Exit codes: 0 no drift (always with --summary), 1 drift, 2 bad flag or unreadable plan file
(named in the message).`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      "drift",
      argv,
      { json: { type: "boolean" }, summary: { type: "boolean" }, title: { type: "string" }, "max-chars": { type: "string" } },
      true,
    );
    if (positionals.length === 0) throw new UsageError("drift: give at least one plan file (terraform show -json output); see 'werkplek drift --help'");
    const maxChars = values["max-chars"] === undefined ? COMMENT_LIMIT : Number(values["max-chars"]);
    if (!Number.isInteger(maxChars) || maxChars < 500) {
      throw new UsageError(`drift: --max-chars "${values["max-chars"]}" is not allowed; allowed: a whole number of at least 500`);
    }
    const report = driftReport(positionals.map(readPlan));
    if (values.json) {
      io.out(JSON.stringify({ drift: driftCount(report) > 0, drifted: driftCount(report), securityRelevant: driftRiskCount(report), ...report }, null, 2) + "\n");
    } else if (values.summary) {
      io.out(renderPlanSummary(report, { title: values.title, maxChars }));
    } else {
      io.out(renderDrift(report, { title: values.title, maxChars }));
    }
    if (values.summary) return 0;
    return driftCount(report) > 0 ? 1 : 0;
  },
};
