/**
 * `guardrails:` in the tenant file: exceptions to guardrail rules, each with a written reason and
 * optionally an expiry date. Rule ids are checked against the list of rule ids; the few rules that
 * protect against lock-out and leaked secrets cannot be suppressed.
 */
import { z } from "zod";
import { GUARDRAIL_RULE_IDS, GuardrailRuleId, UNSUPPRESSIBLE_RULES } from "../../facts/guardrail-rules";

const SuppressionSchema = z
  .strictObject({
    rule: z
      .string()
      .superRefine((id, ctx) => {
        if (!(GUARDRAIL_RULE_IDS as readonly string[]).includes(id)) {
          ctx.addIssue({ code: "custom", message: `unknown guardrail rule "${id}"; known rules: ${GUARDRAIL_RULE_IDS.join(", ")} (see guardrails/RULES.md)` });
        } else if (UNSUPPRESSIBLE_RULES[id as GuardrailRuleId]) {
          ctx.addIssue({ code: "custom", message: `guardrail rule ${id} (${UNSUPPRESSIBLE_RULES[id as GuardrailRuleId]}) cannot be suppressed` });
        }
      })
      .describe("guardrail rule id, e.g. WP-CA-010 (guardrails/RULES.md)"),
    resource: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Terraform address (azuread_conditional_access_policy.CA002_DDE36D73), construct path inside the stack (CA002, covering CA002/Resource), Teams policy (CsTeamsMeetingPolicy:Global) or stack name (kraainem-conditional-access); absent means every finding of the rule in this tenant",
      ),
    reason: z
      .string()
      .trim()
      .min(10, { error: "a reason of at least 10 characters is required" })
      .describe("why the exception is acceptable; shown to auditors with the finding"),
    expires: z
      .iso.date({ error: "expires must be a date like 2026-12-31" })
      .optional()
      .describe("last day the suppression counts (YYYY-MM-DD); afterwards the finding counts again"),
  })
  .describe("an accepted exception to a guardrail rule");

export const GuardrailsSchema = z
  .strictObject({
    suppressions: z.array(SuppressionSchema).default([]).describe("accepted exceptions to guardrail rules, each with a reason"),
  })
  .default({ suppressions: [] })
  .describe("guardrail rules checked at every synth (guardrails/RULES.md)");
