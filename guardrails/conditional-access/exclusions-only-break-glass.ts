import { caPolicies } from "../ca-policy";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-CA-010",
  level: "warning",
  title: "Conditional access policies exclude nobody but the break-glass accounts",
  explanation:
    "Every exclusion is a gap an attacker can aim for; nine of ten policies that fail a SCuBA check fail on an undeclared exclusion. Each exclusion beyond break-glass needs a written reason.",
  fix: "Remove the exclusion, or suppress this rule for the policy in the tenant file with the reason (and an expiry date when it is temporary).",
  controls: ["MS.AAD.1.1", "MS.AAD.3.2", "MT.1036"],
  check: (ctx) => {
    const bg = ctx.tenant.breakGlass;
    return caPolicies(ctx).map((p) => {
      const users = p.excludedUsers.filter((u) => !bg.accountObjectIds.includes(u));
      const groups = p.excludedGroups.filter((g) => g !== bg.groupObjectId);
      return verdict(p.resource, [
        users.length > 0 && `policy "${p.displayName}" excludes users ${users.join(", ")}`,
        groups.length > 0 && `policy "${p.displayName}" excludes groups ${groups.join(", ")}`,
        p.excludedApplications.length > 0 && `policy "${p.displayName}" excludes applications ${p.excludedApplications.join(", ")}`,
      ]);
    });
  },
});
