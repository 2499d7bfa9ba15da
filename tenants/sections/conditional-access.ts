/**
 * `conditionalAccess`: the staged rollout of the conditional access policy set. A policy the file
 * does not name runs report-only; `enabled` is an explicit, reviewed line with the date it was
 * promoted; `disabled` needs a reason.
 */
import { z } from "zod";
import { POLICY_STATES } from "../../constructs/conditional-access/spec";
import { CONDITIONAL_ACCESS_POLICIES } from "../../facts/conditional-access-policies";

/** A policy the tenant file does not name is report-only: it is logged, never enforced. */
export const DEFAULT_STATE = "enabledForReportingButNotEnforced";

const isoDate = z
  .string({ error: "a date like 2026-11-02 (YYYY-MM-DD)" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "a date like 2026-11-02 (YYYY-MM-DD)" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: "not a calendar date",
  });

/**
 * Today's date where it is latest on earth (UTC+14), so a promotion written today in Belgium is
 * never "in the future" on a CI runner in UTC.
 */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
}

export const PolicyRolloutSchema = z
  .strictObject({
    state: z
      .enum(POLICY_STATES)
      .default(DEFAULT_STATE)
      .describe("enabled (enforced), enabledForReportingButNotEnforced (report-only, the default) or disabled"),
    promoted: isoDate.optional().describe("the date the policy was promoted to enabled; required with state: enabled"),
    reason: z.string().trim().min(10).max(1000).optional().describe("why the policy is disabled; required with state: disabled"),
  })
  .superRefine((p, ctx) => {
    if (p.state === "enabled" && !p.promoted) {
      ctx.addIssue({ code: "custom", path: ["promoted"], message: "state enabled requires the promotion date (promoted: YYYY-MM-DD)" });
    }
    if (p.promoted && p.promoted > latestToday()) {
      ctx.addIssue({
        code: "custom",
        path: ["promoted"],
        message: `${p.promoted} is in the future; write the date the policy was promoted (today or earlier): state enabled enforces it at the next deploy, a later date does not delay that`,
      });
    }
    if (p.state === "disabled" && !p.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "state disabled requires a reason of at least 10 characters" });
    }
  })
  .describe("rollout state of one policy");

/** Refines a record keyed by policy id: every key is a policy of facts/conditional-access-policies.ts. */
export function knownPolicyIds(record: Record<string, unknown>, ctx: z.core.$RefinementCtx): void {
  for (const id of Object.keys(record)) {
    if (!(id in CONDITIONAL_ACCESS_POLICIES)) {
      ctx.addIssue({
        code: "custom",
        path: [id],
        message: `unknown policy "${id}"; known policies: ${Object.entries(CONDITIONAL_ACCESS_POLICIES)
          .map(([k, title]) => `${k} (${title})`)
          .join(", ")}`,
      });
    }
  }
}

export const ConditionalAccessSchema = z
  .strictObject({
    policies: z
      .record(z.string(), PolicyRolloutSchema)
      .default({})
      .superRefine(knownPolicyIds)
      .describe("policy id (CA001 …) → rollout state; policies not listed run report-only"),
    riskPolicies: z
      .boolean()
      .default(false)
      .describe("Entra ID P2: add the risk policies (high user risk → secure password change, high sign-in risk → block)"),
    highUserRisk: z
      .strictObject({
        action: z
          .enum(["block", "passwordChange"])
          .default("block")
          .describe("block (SCuBA MS.AAD.2.1, CA016) or a secure password change after MFA (Microsoft's template, CA012)"),
        reason: z.string().trim().min(10).optional().describe("why the tenant deviates from SCuBA's block; required with action: passwordChange"),
      })
      .superRefine((h, ctx) => {
        if (h.action === "passwordChange" && !h.reason) {
          ctx.addIssue({ code: "custom", path: ["reason"], message: "action passwordChange deviates from SCuBA MS.AAD.2.1 (block high user risk) and requires a reason of at least 10 characters" });
        }
      })
      .prefault({})
      .describe("with riskPolicies: what a user with high risk gets"),
    browserSessionHours: z
      .number()
      .int()
      .min(1)
      .max(23)
      .default(8)
      .describe("sign-in frequency in hours for browser sessions on unmanaged devices (telework on a private computer)"),
  })
  .prefault({})
  .describe("conditional access: staged rollout and tenant choices");
