import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-003",
  level: "error",
  title: "Users cannot consent to applications",
  explanation: "Consent phishing gets a malicious app read access to mail and files with one click; requests go through the admin consent workflow instead.",
  fix: "Set defaultUserRolePermissions.permissionGrantPoliciesAssigned = [] in the authorization policy (only ManagePermissionGrantsForOwnedResource.* entries may stay).",
  controls: ["MS.AAD.5.2", "CIS 5.1.5.1", "EIDSCA.AP08"],
  check: (ctx) =>
    byUrl(ctx, "policies/authorizationPolicy").map((r) => {
      const assigned: unknown = graphBody(r).defaultUserRolePermissions?.permissionGrantPoliciesAssigned;
      if (!Array.isArray(assigned)) return verdict(r, ["defaultUserRolePermissions.permissionGrantPoliciesAssigned is not set (the tenant default lets users consent)"]);
      const self = assigned.filter((p) => typeof p === "string" && p.startsWith("ManagePermissionGrantsForSelf."));
      return verdict(r, [self.length > 0 && `users may consent through ${self.join(", ")}`]);
    }),
});
