import { allUsersAllApps, atLeastOnePolicy, isOn, PHISHING_RESISTANT_STRENGTH } from "../ca-policy";
import { defineRule } from "../rule";
import { CA015 } from "../../policies/conditional-access/CA015-phishing-resistant-mfa-all-users";
import { promoteInTenantFile } from "./enforced";

export default defineRule({
  id: "WP-CA-014",
  level: "error",
  title: "A conditional access policy requires phishing-resistant MFA for all users on all apps",
  explanation:
    "Push, SMS and one-time codes are relayed by adversary-in-the-middle phishing kits; a passkey or Windows Hello is bound to the real sign-in page. CA015 runs report-only until every member has registered one.",
  fix: `${promoteInTenantFile(CA015)} in Terraform JSON it needs included_users ["All"], included_applications ["All"] and grant_controls.authentication_strength_policy_id "${PHISHING_RESISTANT_STRENGTH}", state "enabled".`,
  controls: ["MS.AAD.3.1", "CIS 5.2.2.5"],
  check: (ctx) =>
    atLeastOnePolicy(
      ctx,
      (p) => isOn(p) && allUsersAllApps(p) && p.authenticationStrength === PHISHING_RESISTANT_STRENGTH,
      "no policy requires the phishing-resistant MFA strength for all users on all apps",
    ),
});
