import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-002",
  level: "error",
  title: "Users cannot register applications",
  explanation: "An app registered by a user can be given credentials and consented permissions outside any review; only administrators register apps.",
  fix: "Set defaultUserRolePermissions.allowedToCreateApps = false in the authorization policy (policies/identity/authorization-policy.ts).",
  controls: ["MS.AAD.5.1", "CIS 5.1.2.2", "EIDSCA.AP10"],
  check: (ctx) =>
    byUrl(ctx, "policies/authorizationPolicy").map((r) =>
      verdict(r, [graphBody(r).defaultUserRolePermissions?.allowedToCreateApps !== false && "defaultUserRolePermissions.allowedToCreateApps is not false"]),
    ),
});
