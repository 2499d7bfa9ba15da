/**
 * The anatomy of a guardrail rule (after cdk-nag v2): a stable id, a level, the controls it
 * implements, an explanation and a fix, and a pure check over the synthesized Terraform JSON of
 * one tenant's stacks. Rules read the JSON, not our TypeScript, so they also see escape hatches
 * and overrides.
 */
import { UNSUPPRESSIBLE_RULES } from "../facts/guardrail-rules";
import type { Tenant } from "../tenants/schema";
import type { SynthesizedStack, TfResource } from "../stacks/synthesized";
import type { TeamsPolicy } from "./teams-policies";

export type Level = "error" | "warning";

/** Areas of rule ids: `WP-<AREA>-<NNN>`. */
export const RULE_AREAS = ["ID", "CA", "TEAMS", "INTUNE", "NET", "VM", "KV", "STATE", "SEC"] as const;
export type RuleArea = (typeof RULE_AREAS)[number];
export const RULE_ID = /^WP-(ID|CA|TEAMS|INTUNE|NET|VM|KV|STATE|SEC)-\d{3}$/;

/** What a rule sees: the tenant (its file, for break-glass ids and declared exceptions) and its stacks. */
export interface RuleContext {
  readonly tenant: Tenant;
  readonly stacks: readonly SynthesizedStack[];
  /** Every resource of one Terraform type across the tenant's stacks. */
  resources(type: string): TfResource[];
  /** The Teams policies the collaboration stack declares; undefined when it declares none. */
  teamsPolicies(): TeamsPolicy[] | undefined;
}

/**
 * One evaluation of a rule: a resource (or a stack, for "at least one ... exists" checks) that
 * complies, or does not with a message saying what is wrong.
 */
export interface Outcome {
  readonly stack: string;
  /** Terraform address `type.name`; null for a finding about a whole stack. */
  readonly resource: string | null;
  /** Construct path inside the stack, for suppressions that name a construct. */
  readonly path?: string;
  readonly ok: boolean;
  readonly message?: string;
}

export interface Rule {
  /** Stable id `WP-<AREA>-<NNN>`; never reuse or renumber one. */
  readonly id: string;
  readonly level: Level;
  /** What must hold, in one line. */
  readonly title: string;
  /** Why it matters. */
  readonly explanation: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** Baseline controls: SCuBA `MS.AAD.x.y`, `CIS x.y.z` (CIS M365 Foundations v6 unless noted), Maester `MT.xxxx`, `EIDSCA.xxnn`, Checkov `CKV_AZURE_n`. */
  readonly controls: readonly string[];
  /** False for the few rules no tenant file may switch off. @default true */
  readonly suppressible?: boolean;
  /** Pure: the same JSON gives the same outcomes. No outcomes means not applicable (passes). */
  check(ctx: RuleContext): Outcome[];
}

export function defineRule(rule: Rule): Rule {
  if (!RULE_ID.test(rule.id)) throw new Error(`guardrail rule id "${rule.id}" must look like WP-<AREA>-<NNN> with AREA one of ${RULE_AREAS.join(", ")}`);
  if ((rule.suppressible === false) !== rule.id in UNSUPPRESSIBLE_RULES) {
    throw new Error(`guardrail rule ${rule.id}: suppressible: false and facts/guardrail-rules.ts UNSUPPRESSIBLE_RULES must agree`);
  }
  return rule;
}

export function pass(r: TfResource): Outcome {
  return { stack: r.stack, resource: r.address, path: r.path, ok: true };
}

export function fail(r: TfResource, message: string): Outcome {
  return { stack: r.stack, resource: r.address, path: r.path, ok: false, message };
}

/** Passes when no problem was found, fails with all problems joined otherwise. */
export function verdict(r: TfResource, problems: (string | false | undefined | null)[]): Outcome {
  const found = problems.filter((p): p is string => typeof p === "string" && p.length > 0);
  return found.length ? fail(r, found.join("; ")) : pass(r);
}

/** An outcome about a whole stack ("no policy blocks legacy authentication"). */
export function stackOutcome(stack: string, ok: boolean, message?: string): Outcome {
  return { stack, resource: null, ok, message };
}
