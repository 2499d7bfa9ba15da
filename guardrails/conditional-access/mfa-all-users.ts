import { allUsersAllApps, atLeastOnePolicy, isOn, requiresMfa } from "../ca-policy";
import { defineRule } from "../rule";
import { CA002 } from "../../policies/conditional-access/CA002-mfa-all-users";
import { promoteInTenantFile } from "./enforced";

export default defineRule({
  id: "WP-CA-003",
  level: "error",
  title: "A conditional access policy requires MFA for all users on all apps",
  explanation: "A password alone is phished or sprayed within days; MFA for every user and every app is the baseline every framework requires.",
  fix: `${promoteInTenantFile(CA002)} in Terraform JSON it needs included_users ["All"], included_applications ["All"] and grant_controls built_in_controls ["mfa"] or an authentication strength, state "enabled".`,
  controls: ["MS.AAD.3.2", "CIS 5.2.2.2", "MT.1007"],
  check: (ctx) =>
    atLeastOnePolicy(
      ctx,
      (p) => isOn(p) && requiresMfa(p) && allUsersAllApps(p),
      "no enabled policy requires MFA (or an authentication strength) for all users on all apps",
    ),
});
