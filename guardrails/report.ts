/**
 * Guardrail results as text (terminal), JSON (`check --json`, `cdktf.out/guardrails.json`) and
 * Markdown (`check --markdown`, a pull-request comment).
 */
import { RULES, ruleById } from "./registry";
import type { Finding, TenantCheck } from "./run";

export interface GuardrailsJson {
  findings: {
    rule: string;
    level: string;
    stack: string;
    resource: string | null;
    message: string;
    controls: string[];
    suppressed: boolean;
    reason: string | null;
  }[];
  summary: {
    tenants: string[];
    rules: number;
    errors: number;
    warnings: number;
    suppressed: number;
    unusedSuppressions: number;
  };
}

function counts(checks: readonly TenantCheck[]) {
  const all = checks.flatMap((c) => c.findings);
  return {
    errors: all.filter((f) => f.level === "error" && !f.suppressed).length,
    warnings: all.filter((f) => f.level === "warning" && !f.suppressed).length,
    suppressed: all.filter((f) => f.suppressed).length,
    unusedSuppressions: checks.reduce((n, c) => n + c.unusedSuppressions.length, 0),
  };
}

export function toJson(checks: readonly TenantCheck[]): GuardrailsJson {
  return {
    findings: checks.flatMap((c) =>
      c.findings.map((f) => ({
        rule: f.rule,
        level: f.level,
        stack: f.stack,
        resource: f.resource,
        message: f.message,
        controls: [...f.controls],
        suppressed: f.suppressed,
        reason: f.reason,
      })),
    ),
    summary: { tenants: checks.map((c) => c.tenant), rules: RULES.length, ...counts(checks) },
  };
}

function where(f: Finding): string {
  return f.resource ? `${f.stack} ${f.resource}` : f.stack;
}

/** Terminal output: counting findings with their fix, then suppressed ones with their reason. */
export function toText(checks: readonly TenantCheck[]): string {
  const lines: string[] = [];
  for (const c of checks) {
    for (const f of c.findings.filter((x) => !x.suppressed)) {
      lines.push(`${f.level === "error" ? "ERROR  " : "warning"} ${f.rule} ${where(f)}: ${f.message}`);
      lines.push(`        fix: ${ruleById(f.rule)?.fix ?? ""}`);
      if (f.reason) lines.push(`        (${f.reason})`);
    }
    for (const f of c.findings.filter((x) => x.suppressed)) {
      lines.push(`suppressed ${f.rule} ${where(f)}: ${f.message}`);
      lines.push(`        reason: ${f.reason}`);
    }
    for (const s of c.unusedSuppressions) {
      lines.push(`note: ${c.tenant}: suppression of ${s.rule}${s.resource ? ` for ${s.resource}` : ""} matches no finding; remove it`);
    }
  }
  const n = counts(checks);
  lines.push(
    `werkplek guardrails: ${checks.map((c) => c.tenant).join(", ") || "no tenants"}: ${RULES.length} rules, ${n.errors} error(s), ${n.warnings} warning(s), ${n.suppressed} suppressed`,
  );
  return lines.join("\n") + "\n";
}

/** A control's status: "failing" when an error finding is open, "warning" when only warnings are. */
type Status = "failing" | "warning" | "suppressed" | "passing" | "not applicable";
const ICON: Record<Status, string> = {
  failing: "❌ failing",
  warning: "⚠️ warning",
  suppressed: "⚠️ suppressed",
  passing: "✅ passing",
  "not applicable": "➖ not applicable",
};

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Per tenant: each control with the rules that implement it and its status, then the findings. */
export function toMarkdown(checks: readonly TenantCheck[]): string {
  const out: string[] = [];
  for (const c of checks) {
    const byControl = new Map<string, { rules: string[]; status: Status }>();
    const rank: Record<Status, number> = { failing: 4, warning: 3, suppressed: 2, passing: 1, "not applicable": 0 };
    for (const e of c.evaluations) {
      const open: Status = e.rule.level === "error" ? "failing" : "warning";
      const status: Status = e.failing > 0 ? open : e.suppressed > 0 ? "suppressed" : e.applicable ? "passing" : "not applicable";
      for (const control of e.rule.controls) {
        const entry = byControl.get(control) ?? { rules: [], status: "not applicable" as Status };
        entry.rules.push(e.rule.id);
        if (rank[status] > rank[entry.status]) entry.status = status;
        byControl.set(control, entry);
      }
    }
    const n = counts([c]);
    const statuses = [...byControl.values()].map((v) => v.status);
    const count = (s: Status) => statuses.filter((x) => x === s).length;
    out.push(`### Guardrails: ${c.tenant}`, "");
    out.push(
      `${byControl.size} controls: ${count("passing")} passing, ${count("failing")} failing, ${count("warning")} with warnings, ${count("suppressed")} suppressed, ${count("not applicable")} not applicable · findings: ${n.errors} error(s), ${n.warnings} warning(s), ${n.suppressed} suppressed`,
      "",
    );
    const controls = [...byControl.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const row = (control: string) => `| ${control} | ${ICON[byControl.get(control)!.status]} | ${byControl.get(control)!.rules.join(", ")} |`;
    out.push("| control | status | rules |", "| --- | --- | --- |");
    out.push(...controls.filter((k) => byControl.get(k)!.status !== "not applicable").map(row));
    const idle = controls.filter((k) => byControl.get(k)!.status === "not applicable");
    if (idle.length) {
      // Controls whose resources this tenant does not (yet) declare: folded away in a PR comment.
      out.push("", `<details><summary>${idle.length} controls not applicable (nothing of their kind synthesized)</summary>`, "");
      out.push("| control | status | rules |", "| --- | --- | --- |", ...idle.map(row), "", "</details>");
    }
    const open = c.findings.filter((f) => !f.suppressed);
    if (open.length) {
      out.push("", "| level | rule | stack | resource | finding |", "| --- | --- | --- | --- | --- |");
      for (const f of open) out.push(`| ${f.level} | ${f.rule} | ${f.stack} | ${cell(f.resource ?? "")} | ${cell(f.message)} |`);
    }
    const suppressed = c.findings.filter((f) => f.suppressed);
    if (suppressed.length) {
      out.push("", "Suppressed (reason from the tenant file):", "", "| rule | stack | resource | reason |", "| --- | --- | --- | --- |");
      for (const f of suppressed) out.push(`| ${f.rule} | ${f.stack} | ${cell(f.resource ?? "")} | ${cell(f.reason ?? "")} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
