import { caPolicies } from "../ca-policy";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-CA-001",
  level: "error",
  suppressible: false,
  title: "Every conditional access policy excludes the break-glass group",
  explanation:
    "The emergency-access accounts are the way back in when a policy, an outage of MFA or a federation problem locks every administrator out. A policy that does not exclude their group can lock them out too.",
  fix: "Add the tenant's breakGlass.groupObjectId to conditions.users.excluded_groups of the policy (the conditional access construct does this for every policy; an override removed it).",
  controls: ["MT.1005", "CIS 1.1.2", "MS.AAD.7.4"],
  check: (ctx) =>
    caPolicies(ctx).map((p) =>
      verdict(p.resource, [
        !p.excludedGroups.includes(ctx.tenant.breakGlass.groupObjectId) &&
          `policy "${p.displayName}" does not exclude the break-glass group ${ctx.tenant.breakGlass.groupObjectId}`,
      ]),
    ),
});
