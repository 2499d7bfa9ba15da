/**
 * The decisions of the deploy workflow's plan job, kept out of bash so they are tested
 * (`.github/scripts/stacks.sh deploy-plan` calls this file once or twice per stack):
 *
 * - which plans go to the apply job: those that change a resource or an output;
 * - which stacks wait for the next deploy run: a stack that reads an output (through
 *   `terraform_remote_state`) that a stack planned before it in this run changes. Its plan would be
 *   made against the old value and a saved plan keeps what its data sources read, so it is planned
 *   again, and shown again, after this run has applied the change.
 *
 * Plans are `terraform show -json` output (format 1.x: `resource_changes`, `output_changes`, each
 * with `change.actions`). The state between calls is one JSON file in the plans folder.
 *
 * Usage (node -r ./bin/register.js cli/deploy-plan.ts ...):
 *   wait <state.json> <stack folder>          prints the stacks it waits for (empty: plan it now)
 *   record <state.json> <stack> <plan.json>   prints "apply" or "unchanged"
 *   order <state.json>                        prints the stacks to apply, one per line, in order
 *   waiting <state.json>                      prints one line per waiting stack, for the summary
 */
import * as fs from "fs";
import * as path from "path";

/** The plan job's record of one tenant's run, kept in the plans folder between calls. */
export interface DeployPlanState {
  /** Stacks whose plan changes something, in the order they were planned (deploy order). */
  readonly apply: string[];
  /** Planned stack → outputs its plan changes (only stacks with such changes). */
  readonly changedOutputs: Record<string, string[]>;
  /** Waiting stack → the stacks whose changed outputs it reads. */
  readonly waiting: Record<string, string[]>;
}

const NO_CHANGE = new Set(["no-op", "read"]);

type PlanJson = {
  resource_changes?: { change?: { actions?: string[] } }[];
  output_changes?: Record<string, { actions?: string[] }>;
};

/** What a plan would do: change anything at all, and which outputs it changes. */
export function planOutcome(plan: PlanJson): { changes: boolean; changedOutputs: string[] } {
  const changed = (actions: string[] | undefined) => (actions ?? []).some((a) => !NO_CHANGE.has(a));
  const changedOutputs = Object.entries(plan.output_changes ?? {})
    .filter(([, c]) => changed(c.actions))
    .map(([name]) => name)
    .sort();
  const resources = (plan.resource_changes ?? []).some((r) => changed(r.change?.actions));
  return { changes: resources || changedOutputs.length > 0, changedOutputs };
}

/**
 * The outputs of other stacks a synthesized stack reads, by producing stack: each
 * `terraform_remote_state` data source (its producer named by its backend key `<stack>.tfstate`,
 * its local path `../<stack>/…`, or cdktf's `cross-stack-reference-input-<stack>`) and every
 * `data.terraform_remote_state.<name>.outputs.<output>` reference to it.
 */
export function outputsRead(stackJson: { data?: { terraform_remote_state?: Record<string, { config?: { key?: string; path?: string } }> } }): Record<string, string[]> {
  const text = JSON.stringify(stackJson);
  const out: Record<string, string[]> = {};
  for (const [name, source] of Object.entries(stackJson.data?.terraform_remote_state ?? {})) {
    const producer =
      source.config?.key?.replace(/\.tfstate$/, "") ?? /^\.\.\/([^/]+)\//.exec(source.config?.path ?? "")?.[1] ?? name.replace(/^cross-stack-reference-input-/, "");
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const outputs = [...text.matchAll(new RegExp(`data\\.terraform_remote_state\\.${escaped}\\.outputs\\.([A-Za-z0-9_-]+)`, "g"))].map((m) => m[1]);
    out[producer] = [...new Set([...(out[producer] ?? []), ...outputs])].sort();
  }
  return out;
}

/** The planned stacks with changed outputs that this stack reads. */
export function waitsFor(stackJson: Parameters<typeof outputsRead>[0], state: DeployPlanState): string[] {
  return Object.entries(outputsRead(stackJson))
    .filter(([producer, outputs]) => outputs.some((o) => state.changedOutputs[producer]?.includes(o)))
    .map(([producer]) => producer)
    .sort();
}

/** Records a planned stack; returns whether its plan is applied. */
export function record(state: DeployPlanState, stack: string, plan: PlanJson): DeployPlanState & { applied: boolean } {
  const { changes, changedOutputs } = planOutcome(plan);
  return {
    apply: changes ? [...state.apply, stack] : state.apply,
    changedOutputs: changedOutputs.length ? { ...state.changedOutputs, [stack]: changedOutputs } : state.changedOutputs,
    waiting: state.waiting,
    applied: changes,
  };
}

/** Lines for the plan summary: what waits, and why. */
export function waitingNotes(state: DeployPlanState): string[] {
  return Object.entries(state.waiting).map(
    ([stack, producers]) =>
      `${stack} is not planned in this run: it reads outputs that this run changes in ${producers.join(", ")}. The next deploy run plans it against the applied values (it starts by itself after the apply; approve it too).`,
  );
}

const EMPTY: DeployPlanState = { apply: [], changedOutputs: {}, waiting: {} };

function readState(file: string): DeployPlanState {
  return fs.existsSync(file) ? { ...EMPTY, ...JSON.parse(fs.readFileSync(file, "utf8")) } : EMPTY;
}

function writeState(file: string, state: DeployPlanState): void {
  const { apply, changedOutputs, waiting } = state;
  fs.writeFileSync(file, JSON.stringify({ apply, changedOutputs, waiting }, null, 2) + "\n");
}

/** The command line of this file; returns the exit code. */
export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): number {
  const [command, stateFile, a, b] = argv;
  const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));
  switch (command) {
    case "wait": {
      const state = readState(stateFile);
      const producers = waitsFor(readJson(path.join(a, "cdk.tf.json")), state);
      if (producers.length) writeState(stateFile, { ...state, waiting: { ...state.waiting, [path.basename(a)]: producers } });
      out(producers.join(" ") + "\n");
      return 0;
    }
    case "record": {
      const { applied, ...next } = record(readState(stateFile), a, readJson(b));
      writeState(stateFile, next);
      out(applied ? "apply\n" : "unchanged\n");
      return 0;
    }
    case "order":
      out(readState(stateFile).apply.map((s) => `${s}\n`).join(""));
      return 0;
    case "waiting":
      out(waitingNotes(readState(stateFile)).map((s) => `${s}\n`).join(""));
      return 0;
    default:
      process.stderr.write(`deploy-plan: unknown command "${command ?? ""}"; allowed: wait, record, order, waiting\n`);
      return 2;
  }
}

if (require.main === module) process.exitCode = run(process.argv.slice(2));
