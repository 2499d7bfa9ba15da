/**
 * The decisions of the deploy workflow's plan job, kept out of bash so they are tested
 * (`.github/scripts/stacks.sh deploy-plan` calls this file once per planned stack):
 *
 * - which plans go to the apply job: those that change a resource or an output;
 * - which stacks wait for the next deploy run: a stack that reads an output (through
 *   `terraform_remote_state`) that a stack planned before it in this run changes. Its plan would be
 *   made against the old value and a saved plan keeps what its data sources read, so it is planned
 *   again, and shown again, after this run has applied the change.
 *
 * Plans are `terraform show -json` output (format 1.x: `resource_changes`, `output_changes`, each
 * with `change.actions`).
 *
 * Usage: node -r ./bin/register.js cli/deploy-plan.ts record <plans dir> <stack> <plan.json> [<later stack folder>...]
 * prints "apply" or "unchanged" and keeps, in the plans folder: deploy-plan.state (JSON),
 * deploy-plan.order (the stacks to apply, in order), deploy-plan.waiting (the stacks that wait,
 * which stacks.sh then does not plan) and deploy-plan.notes (one line per waiting stack, for the
 * summary).
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

/** Records a planned stack and marks the later stacks (folders with `cdk.tf.json`) that now wait. */
export function step(state: DeployPlanState, stack: string, plan: PlanJson, later: readonly { name: string; json: Parameters<typeof outputsRead>[0] }[]): DeployPlanState & { applied: boolean } {
  const next = record(state, stack, plan);
  const waiting = { ...next.waiting };
  for (const s of later) {
    const producers = waitsFor(s.json, next);
    if (producers.length) waiting[s.name] = [...new Set([...(waiting[s.name] ?? []), ...producers])].sort();
  }
  return { ...next, waiting };
}

/** The command line of this file; returns the exit code. */
export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): number {
  const [command, dir, stack, planFile, ...later] = argv;
  if (command !== "record" || !dir || !stack || !planFile) {
    process.stderr.write(`deploy-plan: usage: record <plans dir> <stack> <plan.json> [<later stack folder>...]; got "${argv.join(" ")}"\n`);
    return 2;
  }
  const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));
  const stateFile = path.join(dir, "deploy-plan.state");
  const state: DeployPlanState = fs.existsSync(stateFile) ? { ...EMPTY, ...readJson(stateFile) } : EMPTY;
  const { applied, ...next } = step(
    state,
    stack,
    readJson(planFile),
    later.map((folder) => ({ name: path.basename(folder), json: readJson(path.join(folder, "cdk.tf.json")) })),
  );
  const lines = (xs: readonly string[]) => xs.map((x) => `${x}\n`).join("");
  fs.writeFileSync(stateFile, JSON.stringify(next, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "deploy-plan.order"), lines(next.apply));
  fs.writeFileSync(path.join(dir, "deploy-plan.waiting"), lines(Object.keys(next.waiting)));
  fs.writeFileSync(path.join(dir, "deploy-plan.notes"), lines(waitingNotes(next)));
  out(applied ? "apply\n" : "unchanged\n");
  return 0;
}

if (require.main === module) process.exitCode = run(process.argv.slice(2));
