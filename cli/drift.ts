import { Command, parseFlags, UsageError } from "./command";
import { driftCount, DriftReport, driftReport, driftRiskCount, renderDrift, renderPlanSummary, sectionFromDifferences } from "./review/drift-report";
import { compareTeamsPolicies, readTeamsDocument, TeamsDocumentError } from "../constructs/teams/compare";
import { COMMENT_LIMIT } from "./review/markdown";
import { Plan, readPlan } from "./review/plan";

export const driftCommand: Command = {
  name: "drift",
  summary: "drift report from 'terraform show -json' plans (refresh-only or normal)",
  usage: `Usage: werkplek drift [<plan.json>...] [--teams <desired.json> <exported.json>] [--json] [--summary] [--title <text>] [--note <text>]... [--max-chars <n>]

Reads plans written by 'terraform show -json <planfile>' (best made with 'terraform plan
-refresh-only -out <planfile>'), one per stack, and reports what changed outside terraform:
each drifted resource by address and display name, each changed attribute as expected → live,
resources deleted outside terraform, and security-relevant drift (a conditional access policy
disabled or weakened, an NSG rule opened to the internet, a Teams setting loosened, a protected
resource deleted, VM password sign-in or storage account keys enabled: the risk flags of 'werkplek
diff'). Drift is decided from the plan's resource_drift, never from terraform's exit
code. Values marked sensitive in the plan are never printed.

Teams policies are not in terraform's state: --teams compares the desired document the
collaboration stack writes (teams-policies.json) with an export of the live tenant made by
scripts/teams/Export-TeamsPolicies.ps1, and adds each differing setting to the report.

Options:
  --teams <desired.json> <exported.json>
                    also compare Teams policies (the two files follow the flag)
  --json            print the report as JSON instead of Markdown
  --summary         plan summary for a pull request: changes per stack; exit 0 whatever drifted
                    (not with --json)
  --title <text>    heading of the Markdown report (default: "werkplek drift")
  --note <text>     a warning shown under the heading (repeatable), e.g. that the Teams export
                    failed and Teams policies were not compared
  --max-chars <n>   cut the Markdown at n characters, with a note (default: ${COMMENT_LIMIT})
  -h, --help        show this help

Exit codes: 0 no drift (always with --summary), 1 drift, 2 bad flag, or a plan or Teams file that
cannot show drift: unreadable, not a plan (state output), an errored or incomplete plan, an unknown
action (every such plan is named in the message, each with its reason). Exit 0 is only ever said
of complete plans.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      "drift",
      argv,
      {
        json: { type: "boolean" },
        summary: { type: "boolean" },
        teams: { type: "boolean" },
        title: { type: "string" },
        note: { type: "string", multiple: true },
        "max-chars": { type: "string" },
      },
      true,
    );
    if (values.json && values.summary) {
      throw new UsageError("drift: --json and --summary cannot be combined: --summary is the pull-request plan summary (exit 0 whatever drifted), --json the drift report (exit 1 on drift); pick one");
    }
    const { plans, teams } = splitTeamsFiles(argv, positionals);
    if (plans.length === 0 && !teams) {
      throw new UsageError("drift: give at least one plan file (terraform show -json output) or --teams <desired.json> <exported.json>; see 'werkplek drift --help'");
    }
    const maxChars = values["max-chars"] === undefined ? COMMENT_LIMIT : Number(values["max-chars"]);
    if (!Number.isInteger(maxChars) || maxChars < 500) {
      throw new UsageError(`drift: --max-chars "${values["max-chars"]}" is not allowed; allowed: a whole number of at least 500`);
    }
    const report = withTeams(driftReport(readAll(plans)), teams);
    const notes = values.note ?? [];
    if (values.json) {
      io.out(JSON.stringify({ drift: driftCount(report) > 0, drifted: driftCount(report), securityRelevant: driftRiskCount(report), notes, ...report }, null, 2) + "\n");
    } else if (values.summary) {
      io.out(renderPlanSummary(report, { title: values.title, maxChars, notes }));
    } else {
      io.out(renderDrift(report, { title: values.title, maxChars, notes }));
    }
    if (values.summary) return 0;
    return driftCount(report) > 0 ? 1 : 0;
  },
};

/**
 * Reads every plan before giving up, so one run names every unreadable file (each with its
 * reason) instead of one per run.
 */
function readAll(files: string[]): Plan[] {
  const plans: Plan[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      plans.push(readPlan(file));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.push(e.message.replace(/^drift: /, ""));
    }
  }
  if (problems.length === 1) throw new UsageError(`drift: ${problems[0]}`);
  if (problems.length > 1) throw new UsageError(`drift: ${problems.length} of ${files.length} plan files cannot be used:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return plans;
}

/**
 * `--teams` is a boolean flag for parseArgs; the two files after it are taken out of the
 * positionals here, so plan files and Teams files can come in any order.
 */
function splitTeamsFiles(argv: string[], positionals: string[]): { plans: string[]; teams?: [string, string] } {
  const at = argv.indexOf("--teams");
  if (at === -1) return { plans: positionals };
  const [desired, exported] = argv.slice(at + 1, at + 3);
  if (!desired || !exported || desired.startsWith("-") || exported.startsWith("-")) {
    throw new UsageError("drift: --teams needs two files: <desired.json> (teams-policies.json) <exported.json> (Export-TeamsPolicies.ps1)");
  }
  const plans = [...positionals];
  for (const f of [desired, exported]) plans.splice(plans.indexOf(f), 1);
  return { plans, teams: [desired, exported] };
}

function withTeams(report: DriftReport, teams?: [string, string]): DriftReport {
  if (!teams) return report;
  const [desiredFile, exportedFile] = teams;
  let differences;
  let exported;
  try {
    exported = readTeamsDocument(exportedFile);
    differences = compareTeamsPolicies(readTeamsDocument(desiredFile), exported);
  } catch (e) {
    if (e instanceof TeamsDocumentError) throw new UsageError(`drift: ${e.message}`);
    throw e;
  }
  // policies the export did not find (absent, or `found: false`): one line each, not a row of nulls per parameter
  const key = (policyType: string, identity: string) => `${policyType}/${identity.toLowerCase()}`;
  const present = new Set(exported.policies.filter((p) => p.found !== false).map((p) => key(p.policyType, p.identity)));
  const section = sectionFromDifferences(
    "Teams policies",
    `${desiredFile} ↔ ${exportedFile}`,
    differences.map((d) => ({
      subject: `${d.policyType} ${d.identity}`,
      parameter: d.parameter,
      expected: d.desired,
      actual: d.actual,
      missing: !/^group(-id)?:/.test(d.identity) && !present.has(key(d.policyType, d.identity)),
    })),
  );
  return { ...report, sections: [...report.sections, section] };
}
