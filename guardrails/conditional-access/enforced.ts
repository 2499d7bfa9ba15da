import { caPolicies } from "../ca-policy";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-CA-009",
  level: "warning",
  title: "Conditional access policies are enforced, not report-only or disabled",
  explanation:
    "New policies start in report-only; until promoted to enabled they protect nothing, and SCuBA and Maester count only enabled policies. This warning keeps the rollout visible until the promotion is reviewed.",
  fix: 'After reviewing the report-only sign-in results, set state "enabled" for the policy (or suppress this rule for it with the planned promotion date as expiry).',
  controls: ["MS.AAD.1.1", "MS.AAD.3.2", "MT.1007"],
  check: (ctx) =>
    caPolicies(ctx).map((p) =>
      verdict(p.resource, [
        p.state === "enabledForReportingButNotEnforced" && `policy "${p.displayName}" is report-only`,
        p.state !== "enabled" && p.state !== "enabledForReportingButNotEnforced" && `policy "${p.displayName}" is ${p.state || "without state"}`,
      ]),
    ),
});
