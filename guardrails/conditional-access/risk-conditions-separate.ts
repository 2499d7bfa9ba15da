import { caPolicies } from "../ca-policy";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-CA-011",
  level: "warning",
  title: "User risk and sign-in risk are in separate policies",
  explanation: "Conditions in one policy are combined with AND: a policy with both risk conditions only applies when both are raised, which is rare.",
  fix: "Split the policy in one for user_risk_levels and one for sign_in_risk_levels.",
  controls: ["MT.1049", "MS.AAD.2.1", "MS.AAD.2.3"],
  check: (ctx) =>
    caPolicies(ctx).map((p) =>
      verdict(p.resource, [
        p.userRiskLevels.length > 0 && p.signInRiskLevels.length > 0 && `policy "${p.displayName}" combines user risk and sign-in risk`,
      ]),
    ),
});
