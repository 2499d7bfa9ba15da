/**
 * The drift report: what changed in the live tenant outside terraform, decided from the plan's
 * `resource_drift` (never from terraform's exit code), in sections that other comparers (the
 * Teams policy export) can add to.
 */
import { AttributeChange, attributeChanges, HIDDEN } from "./attributes";
import { labelOf } from "./labels";
import { fit, headed, RISK_TITLES } from "./markdown";
import { cell } from "./markdown";
import { Plan, PlanResource, redact } from "./plan";
import { Action, Risk, risksOf } from "./risks";
import { teamsLoosening } from "./teams-loosening";

export type DriftKind = "changed" | "deleted" | "created";

export interface DriftItem {
  /** Terraform address, or what the comparer calls the object (`Teams meeting policy Global`). */
  readonly address: string;
  /** Human label: `conditional access policy "CA001 …"`. */
  readonly label: string;
  readonly kind: DriftKind;
  /** before = what terraform last applied (or the desired value), after = what is live now. */
  readonly attributes: readonly AttributeChange[];
  readonly risks: readonly Risk[];
  /** Said instead of "changed outside terraform" (e.g. "policy not found in the tenant"). */
  readonly note?: string;
}

export interface DriftSection {
  readonly title: string;
  /** The file it was read from. */
  readonly source: string;
  readonly items: readonly DriftItem[];
  /** Not a terraform plan: another comparer's result (the Teams policies). @default false */
  readonly comparison?: boolean;
}

export interface PlannedChange {
  readonly address: string;
  readonly label: string;
  readonly action: Action;
  readonly risks: readonly Risk[];
}

export interface PlanSummary {
  readonly source: string;
  readonly title: string;
  readonly changes: readonly PlannedChange[];
}

export interface DriftReport {
  readonly sections: DriftSection[];
  /** Changes a plan would make (code vs state) — not drift; shown for context and in PR plan summaries. */
  readonly planned: PlanSummary[];
}

export function driftCount(r: DriftReport): number {
  return r.sections.reduce((n, s) => n + s.items.length, 0);
}

export function driftRiskCount(r: DriftReport): number {
  return r.sections.reduce((n, s) => n + s.items.reduce((m, i) => m + i.risks.length, 0), 0);
}

/** `plans/kraainem-identity.json` → `kraainem-identity`. */
export function planTitle(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.json$/, "").replace(/\.plan$/, "");
}

/**
 * A title per plan file, each different: the file name, with as many parent folders as it takes
 * to tell files of the same name apart (`p1/plan`, `p2/plan`).
 */
export function planTitles(files: readonly string[]): string[] {
  const parts = files.map((f) => f.split(/[\\/]/).filter(Boolean));
  const depth = files.map(() => 1);
  const title = (i: number) => [...parts[i].slice(-depth[i], -1), planTitle(files[i])].join("/");
  for (let round = 0; round < 64; round++) {
    const titles = files.map((_, i) => title(i));
    const clashing = titles.map((t, i) => titles.indexOf(t) !== i || titles.lastIndexOf(t) !== i);
    if (!clashing.some((c, i) => c && depth[i] < parts[i].length)) return titles;
    clashing.forEach((c, i) => c && depth[i] < parts[i].length && depth[i]++);
  }
  return files.map((_, i) => title(i));
}

function actionOf(actions: readonly string[]): Action | undefined {
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  if (actions.includes("delete")) return "delete";
  if (actions.includes("create")) return "create";
  if (actions.includes("update")) return "update";
  return undefined; // no-op, read, forget
}

function label(r: PlanResource, before?: Record<string, unknown>, after?: Record<string, unknown>): string {
  return labelOf(r.type, r.name, (after ?? before) as never);
}

/** One plan's drift: every managed resource in `resource_drift` with what changed. */
export function driftSection(plan: Plan, title: string = planTitle(plan.file)): DriftSection {
  const items: DriftItem[] = [];
  for (const r of plan.resourceDrift) {
    if (r.mode && r.mode !== "managed") continue;
    const action = actionOf(r.change.actions);
    if (!action) continue;
    const { before, after } = redact(r.change);
    const kind: DriftKind = action === "delete" ? "deleted" : action === "create" ? "created" : "changed";
    // the provider marked the whole object sensitive: one row, no attribute names or values
    const whole = r.change.before_sensitive === true || r.change.after_sensitive === true;
    items.push({
      address: r.address,
      label: label(r, before, after),
      kind,
      attributes: kind !== "changed" ? [] : whole ? [{ path: "(all attributes)", before: HIDDEN, after: HIDDEN }] : attributeChanges(before, after, { type: r.type }),
      risks: risksOf(r.type, action, before, after).map((risk) =>
        risk.kind === "protected-deleted" ? { ...risk, message: "deleted outside terraform; the next apply creates a new, empty object with a new id" } : risk,
      ),
    });
  }
  return { title, source: plan.file, items };
}

/** One plan's pending changes (resource_changes that are not no-op). */
export function planSummary(plan: Plan, title: string = planTitle(plan.file)): PlanSummary {
  const changes: PlannedChange[] = [];
  for (const r of plan.resourceChanges) {
    if (r.mode && r.mode !== "managed") continue;
    const action = actionOf(r.change.actions);
    if (!action) continue;
    const { before, after } = redact(r.change);
    changes.push({ address: r.address, label: label(r, before, after), action, risks: risksOf(r.type, action, before, after) });
  }
  return { source: plan.file, title, changes };
}

export function driftReport(plans: readonly Plan[]): DriftReport {
  const titles = planTitles(plans.map((p) => p.file));
  return { sections: plans.map((p, i) => driftSection(p, titles[i])), planned: plans.map((p, i) => planSummary(p, titles[i])) };
}

/** A difference reported by another comparer (e.g. Teams desired vs exported policies). */
export interface Difference {
  /** The object: `TeamsMeetingPolicy Global`. */
  readonly subject: string;
  readonly parameter: string;
  /** What the code declares. */
  readonly expected: unknown;
  /** What is live. */
  readonly actual: unknown;
  /** The object itself is not in the tenant: said once instead of a row per parameter. */
  readonly missing?: boolean;
}

/**
 * Turns another comparer's differences into a drift section, one item per object, with the Teams
 * loosening rules applied (desired → live). `compareTeamsPolicies` output maps onto this.
 */
export function sectionFromDifferences(title: string, source: string, differences: readonly Difference[]): DriftSection {
  const bySubject = new Map<string, Difference[]>();
  for (const d of differences) bySubject.set(d.subject, [...(bySubject.get(d.subject) ?? []), d]);
  const fmt = (v: unknown) => (v === undefined ? undefined : typeof v === "string" ? v : JSON.stringify(v));
  return {
    comparison: true,
    title,
    source,
    items: [...bySubject].map(([subject, diffs]): DriftItem => {
      if (diffs.every((d) => d.missing)) {
        return { address: subject, label: subject, kind: "deleted", attributes: [], risks: [], note: "policy not found in the tenant" };
      }
      return {
        address: subject,
        label: subject,
        kind: "changed",
        attributes: diffs.map((d) => ({ path: d.parameter, before: fmt(d.expected), after: fmt(d.actual) })),
        risks: diffs.flatMap((d) => {
          const m = teamsLoosening(d.parameter, d.expected, d.actual);
          return m ? [{ kind: "teams-loosened" as const, message: m }] : [];
        }),
      };
    }),
  };
}

const KIND_TEXT: Record<DriftKind, string> = {
  changed: "changed outside terraform",
  deleted: "deleted outside terraform",
  created: "appeared outside terraform",
};

const SYMBOL: Record<Action, string> = { create: "+", delete: "−", update: "~", replace: "±" };

export interface DriftRenderOptions {
  /** @default "werkplek drift" */
  readonly title?: string;
  readonly maxChars: number;
  /** Shown as a warning right under the heading (e.g. "the Teams export failed"). */
  readonly notes?: readonly string[];
}

function noteLines(opts: DriftRenderOptions): string {
  return (opts.notes ?? []).map((n) => `> ⚠️ ${n.replace(/\r?\n/g, " ")}\n\n`).join("");
}

/** Markdown for the drift issue. */
export function renderDrift(report: DriftReport, opts: DriftRenderOptions): string {
  const n = driftCount(report);
  const risky = driftRiskCount(report);
  const drifted = report.sections.filter((s) => s.items.length > 0);
  let head = `## ${opts.title ?? "werkplek drift"}\n\n` + noteLines(opts);
  // sections are plans, plus the Teams comparison (sectionFromDifferences) when --teams is given
  const plans = report.sections.filter((s) => !s.comparison);
  const comparisons = report.sections.filter((s) => s.comparison);
  const planCount = (k: number) => `${k} plan${k === 1 ? "" : "s"}`;
  if (n === 0) {
    const checked = [...(plans.length ? [planCount(plans.length)] : []), ...comparisons.map((s) => s.title)].join(" and ");
    head += `No drift: the live tenant matches the last applied state in ${checked}.\n\n`;
  } else {
    const driftedPlans = plans.filter((s) => s.items.length > 0).length;
    const where = [
      ...(plans.length ? [`${driftedPlans} of ${planCount(plans.length)}`] : []),
      ...comparisons.filter((s) => s.items.length > 0).map((s) => s.title),
    ].join(" and ");
    head += `**${n} resource${n === 1 ? "" : "s"} drifted** in ${where}`;
    head += risky ? ` · ⚠️ **${risky} security-relevant**\n\n` : ".\n\n";
  }
  const blocks: string[] = [];
  const flags = drifted.flatMap((s) => s.items.flatMap((i) => i.risks.map((r) => `- **${RISK_TITLES[r.kind]}** · ${s.title} · ${i.label}: ${r.message}\n`)));
  if (flags.length) blocks.push(...headed("### Security-relevant drift\n\n", [...flags.slice(0, -1), flags[flags.length - 1] + "\n"]));
  for (const s of drifted) {
    const items: string[] = [];
    for (const i of s.items) {
      let b = `#### ${i.kind === "deleted" ? "−" : i.kind === "created" ? "+" : "~"} ${i.label} — ${i.note ?? KIND_TEXT[i.kind]}\n\`${i.address}\`\n\n`;
      for (const r of i.risks) b += `> ⚠️ **${RISK_TITLES[r.kind]}:** ${r.message}\n`;
      if (i.risks.length) b += "\n";
      if (i.attributes.length) {
        b += "| attribute | expected (code / last apply) | live |\n| --- | --- | --- |\n";
        b += i.attributes.map((a) => `| \`${a.path}\` | ${cell(a.before)} | ${cell(a.after)} |`).join("\n") + "\n\n";
      }
      items.push(b);
    }
    blocks.push(...headed(`### ${s.title}\n\nFrom \`${s.source}\`.\n\n`, items));
  }
  const pending = report.planned.filter((p) => p.changes.length > 0);
  blocks.push(...headed(`### Planned changes (code vs state, not drift)\n\n`, pending.map(plannedBlock)));
  return fit(head, blocks, opts.maxChars, "werkplek drift");
}

function plannedBlock(p: PlanSummary): string {
  const count = (a: Action) => p.changes.filter((c) => c.action === a).length;
  let s = `**${p.title}**: ${count("create")} to create, ${count("update")} to update, ${count("replace")} to replace, ${count("delete")} to delete\n\n`;
  for (const c of p.changes) {
    s += `- ${SYMBOL[c.action]} ${c.label} (\`${c.address}\`)${c.risks.map((r) => ` ⚠️ ${RISK_TITLES[r.kind]}: ${r.message}`).join("")}\n`;
  }
  return s + "\n";
}

/** Plan summary for a pull request: changes per stack, with drift only counted. */
export function renderPlanSummary(report: DriftReport, opts: DriftRenderOptions): string {
  const head = `## ${opts.title ?? "Plan summary"}\n\n` + noteLines(opts);
  const blocks: string[] = [];
  for (const p of report.planned) {
    blocks.push(p.changes.length ? plannedBlock(p) : `**${p.title}**: no changes\n\n`);
  }
  const n = driftCount(report);
  if (n) blocks.push(`_${n} resource${n === 1 ? "" : "s"} drifted outside terraform; the nightly drift issue lists ${n === 1 ? "it" : "them"}._\n`);
  return fit(head, blocks, opts.maxChars, "werkplek drift");
}
