import { allUsersAllApps, blocks, caPolicies, isOn } from "../ca-policy";
import { defineRule, pass, stackOutcome } from "../rule";
import { stackName } from "../../stacks/werkplek-stack";

export default defineRule({
  id: "WP-CA-015",
  level: "warning",
  title: "With the risk policies, a user at high risk is blocked, or the tenant file says why not",
  explanation:
    "SCuBA blocks a user whose account is very likely compromised until an administrator has looked at it; Microsoft's template lets the user change the password after MFA, which an attacker holding a second factor can do too. Either is a decision the tenant file states.",
  fix: 'Keep conditionalAccess.highUserRisk.action block (CA016), or set action passwordChange with a reason in tenants/<tenant>.yaml. In Terraform JSON: a policy on all users and apps with user_risk_levels ["high"] and built_in_controls ["block"].',
  controls: ["MS.AAD.2.1", "CIS 5.2.2.6"],
  check: (ctx) => {
    const ca = ctx.tenant.conditionalAccess;
    const policies = caPolicies(ctx);
    // Applies where the tenant uses the risk policies (P2) or the output acts on user risk.
    if (!ca.riskPolicies && !policies.some((p) => p.userRiskLevels.length > 0)) return [];
    const found = policies.filter((p) => isOn(p) && allUsersAllApps(p) && p.userRiskLevels.includes("high") && blocks(p));
    if (found.length) return found.map((p) => pass(p.resource));
    const stack = stackName(ctx.tenant.name, "conditional-access");
    const stated = ca.highUserRisk.action === "passwordChange" && ca.highUserRisk.reason;
    return [stackOutcome(stack, false, stated ? `high user risk asks a password change, not a block; the tenant file's reason: ${ca.highUserRisk.reason}` : "no policy blocks users at high risk")];
  },
});
