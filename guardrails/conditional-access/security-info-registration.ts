import { atLeastOnePolicy, isOn } from "../ca-policy";
import { defineRule } from "../rule";
import { CA005 } from "../../policies/conditional-access/CA005-protect-security-info-registration";
import { promoteInTenantFile } from "./enforced";

export default defineRule({
  id: "WP-CA-006",
  level: "warning",
  title: "Registering security info is protected by a conditional access policy",
  explanation:
    "Whoever registers an MFA method first owns the account; registration must need a managed device or a trusted location plus a Temporary Access Pass.",
  fix: `${promoteInTenantFile(CA005)} in Terraform JSON it needs included_user_actions ["urn:user:registersecurityinfo"] for all users, a grant control (a compliant device, or block outside trusted locations) and state "enabled".`,
  controls: ["MS.AAD.3.8", "CIS 5.2.2.10", "MT.1011"],
  check: (ctx) =>
    atLeastOnePolicy(
      ctx,
      (p) => isOn(p) && p.includedUsers.includes("All") && p.includedUserActions.includes("urn:user:registersecurityinfo") && p.builtInControls.length > 0,
      "no enabled policy protects the registration of security info (urn:user:registersecurityinfo)",
    ),
});
