import { caPolicies } from "../ca-policy";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-CA-008",
  level: "error",
  title: "No conditional access policy excludes directory roles",
  explanation: "Excluding a role exempts everyone who holds it, now and later, usually the most powerful accounts; SCuBA never accepts role exclusions.",
  fix: "Remove conditions.users.excluded_roles; exclude only the break-glass group.",
  controls: ["MS.AAD.1.1", "MS.AAD.3.2", "MS.AAD.3.6"],
  check: (ctx) =>
    caPolicies(ctx).map((p) =>
      verdict(p.resource, [p.excludedRoles.length > 0 && `policy "${p.displayName}" excludes roles ${p.excludedRoles.join(", ")}`]),
    ),
});
