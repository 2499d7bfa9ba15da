import { caPolicies } from "../ca-policy";
import { CONDITIONAL_ACCESS_POLICIES } from "../../facts/conditional-access-policies";
import type { PolicyDefinition } from "../../policies/conditional-access/definition";
import { defineRule, verdict } from "../rule";

/**
 * The first fix for a baseline rule that finds no enforced policy: promote the baseline policy in
 * the tenant file (a policy the file does not list runs report-only). The Terraform JSON the rule
 * reads comes second, for an override that changed the synthesized policy.
 */
export function promoteInTenantFile(policy: PolicyDefinition): string {
  return (
    `Set conditionalAccess.policies.${policy.id}: { state: enabled, promoted: <YYYY-MM-DD> } in tenants/<tenant>.yaml ` +
    `(the baseline policy ${policy.id} "${CONDITIONAL_ACCESS_POLICIES[policy.id]}" is report-only or disabled; a policy the file does not list runs report-only), ` +
    "after reviewing its report-only sign-in results. If it is enabled there, an override changed the synthesized policy:"
  );
}

export default defineRule({
  id: "WP-CA-009",
  level: "warning",
  title: "Conditional access policies are enforced, not report-only or disabled",
  explanation:
    "New policies start in report-only; until promoted to enabled they protect nothing, and SCuBA and Maester count only enabled policies. This warning keeps the rollout visible until the promotion is reviewed.",
  fix:
    'After reviewing the report-only sign-in results, set conditionalAccess.policies.<CAxxx>: { state: enabled, promoted: <YYYY-MM-DD> } in tenants/<tenant>.yaml for the policy (or suppress this rule for it under guardrails.suppressions with the planned promotion date as expires). In Terraform JSON that is state "enabled".',
  controls: ["MS.AAD.1.1", "MS.AAD.3.2", "MT.1007"],
  check: (ctx) =>
    caPolicies(ctx).map((p) =>
      verdict(p.resource, [
        p.state === "enabledForReportingButNotEnforced" && `policy "${p.displayName}" is report-only`,
        p.state !== "enabled" && p.state !== "enabledForReportingButNotEnforced" && `policy "${p.displayName}" is ${p.state || "without state"}`,
      ]),
    ),
});
