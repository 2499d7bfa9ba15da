/**
 * Runs every rule over a tenant's synthesized stacks and applies the tenant file's suppressions.
 * Suppressed findings stay in the result with their reason; expired suppressions stop counting.
 */
import type { Tenant } from "../tenants/schema";
import { RULES } from "./registry";
import { Level, Outcome, Rule, RuleContext } from "./rule";
import { readTenantStacks, resourcesOf, SynthesizedStack, TfResource } from "../stacks/synthesized";
import { readTeamsPolicies, TeamsPolicy } from "./teams-policies";

export interface Suppression {
  readonly rule: string;
  readonly resource?: string;
  readonly reason: string;
  /** Last day (YYYY-MM-DD) the suppression counts. */
  readonly expires?: string;
}

export interface Finding {
  readonly tenant: string;
  readonly rule: string;
  readonly level: Level;
  readonly stack: string;
  readonly resource: string | null;
  /** Construct path inside the stack, when known. */
  readonly path?: string;
  readonly message: string;
  readonly controls: readonly string[];
  readonly suppressed: boolean;
  /** The suppression's reason; for an expired one, says so. Null when no suppression matched. */
  readonly reason: string | null;
}

/** What one rule found for one tenant: for the per-control summary. */
export interface RuleEvaluation {
  readonly rule: Rule;
  /** False when the rule found nothing of its kind (passes as not applicable). */
  readonly applicable: boolean;
  readonly failing: number;
  readonly suppressed: number;
}

export interface TenantCheck {
  readonly tenant: string;
  readonly findings: Finding[];
  readonly evaluations: RuleEvaluation[];
  /** Suppressions in the tenant file that matched no finding (stale; safe to remove). */
  readonly unusedSuppressions: Suppression[];
}

/** Today's date as YYYY-MM-DD (UTC), the reference for suppression expiry. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function contextFor(tenant: Tenant, stacks: readonly SynthesizedStack[]): RuleContext {
  const cache = new Map<string, TfResource[]>();
  let teams: TeamsPolicy[] | undefined | null = null;
  return {
    tenant,
    stacks,
    resources(type) {
      if (!cache.has(type)) cache.set(type, stacks.flatMap((s) => resourcesOf(s, type)));
      return cache.get(type)!;
    },
    teamsPolicies() {
      if (teams === null) teams = readTeamsPolicies(stacks);
      return teams;
    },
  };
}

function matches(s: Suppression, f: Omit<Finding, "suppressed" | "reason">): boolean {
  if (s.rule !== f.rule) return false;
  if (!s.resource) return true;
  const r = s.resource;
  if (r === f.resource || r === f.stack || r === `${f.stack}/${f.resource}`) return true;
  if (!f.path) return false;
  const full = `${f.stack}/${f.path}`;
  return r === f.path || f.path.startsWith(`${r}/`) || r === full || full.startsWith(`${r}/`);
}

function runRule(rule: Rule, ctx: RuleContext): Outcome[] {
  try {
    return rule.check(ctx);
  } catch (e) {
    // Like cdk-nag's validation failure: a rule that cannot evaluate is reported, never skipped.
    return [{ stack: ctx.stacks[0]?.name ?? ctx.tenant.name, resource: null, ok: false, message: `rule could not evaluate: ${(e as Error).message}` }];
  }
}

/** Checks one tenant's stacks. `date` (YYYY-MM-DD) decides which suppressions have expired. */
export function checkStacks(tenant: Tenant, stacks: readonly SynthesizedStack[], date: string = today(), rules: readonly Rule[] = RULES): TenantCheck {
  const ctx = contextFor(tenant, stacks);
  const suppressions: readonly Suppression[] = tenant.guardrails?.suppressions ?? [];
  const used = new Set<Suppression>();
  const findings: Finding[] = [];
  const evaluations: RuleEvaluation[] = [];
  for (const rule of rules) {
    const outcomes = runRule(rule, ctx);
    let failing = 0;
    let suppressedCount = 0;
    for (const o of outcomes.filter((x) => !x.ok)) {
      const base = {
        tenant: tenant.name,
        rule: rule.id,
        level: rule.level,
        stack: o.stack,
        resource: o.resource,
        path: o.path,
        message: o.message ?? rule.title,
        controls: rule.controls,
      };
      const s = rule.suppressible === false ? undefined : suppressions.find((x) => matches(x, base));
      if (s) used.add(s);
      const active = s !== undefined && (s.expires === undefined || s.expires >= date);
      const reason = s === undefined ? null : active ? s.reason : `suppression expired on ${s.expires}: ${s.reason}`;
      findings.push({ ...base, suppressed: active, reason });
      if (active) suppressedCount++;
      else failing++;
    }
    evaluations.push({ rule, applicable: outcomes.length > 0, failing, suppressed: suppressedCount });
  }
  return { tenant: tenant.name, findings, evaluations, unusedSuppressions: suppressions.filter((s) => !used.has(s)) };
}

/** Checks one tenant's stacks as synthesized under `outdir`. */
export function checkTenant(tenant: Tenant, outdir: string, date: string = today()): TenantCheck {
  return checkStacks(tenant, readTenantStacks(outdir, tenant.name), date);
}

/** Error findings that count (not suppressed). */
export function blockingFindings(checks: readonly TenantCheck[]): Finding[] {
  return checks.flatMap((c) => c.findings).filter((f) => f.level === "error" && !f.suppressed);
}
