import { atLeastOnePolicy, caPolicies, caStack, HIGHLY_PRIVILEGED_ROLES, isOn, PHISHING_RESISTANT_STRENGTH } from "../ca-policy";
import { defineRule, fail, pass, stackOutcome } from "../rule";
import { CA003 } from "../../policies/conditional-access/CA003-phishing-resistant-mfa-admins";
import { promoteInTenantFile } from "./enforced";

const NONE = "no enabled policy requires the phishing-resistant MFA strength for the highly privileged roles";

export default defineRule({
  id: "WP-CA-004",
  level: "error",
  title: "Highly privileged roles need phishing-resistant MFA",
  explanation:
    "Administrators are the target of adversary-in-the-middle phishing, which defeats push and OTP. FIDO2 keys and Windows Hello cannot be relayed.",
  fix: `${promoteInTenantFile(CA003)} in Terraform JSON it needs included_roles listing every highly privileged role (${Object.keys(HIGHLY_PRIVILEGED_ROLES).join(", ")}) with grant_controls.authentication_strength_policy_id "${PHISHING_RESISTANT_STRENGTH}", state "enabled".`,
  controls: ["MS.AAD.3.6", "CIS 5.2.2.5", "CIS 5.2.2.1", "MT.1006"],
  check: (ctx) => {
    const policies = caPolicies(ctx);
    if (policies.length === 0) return atLeastOnePolicy(ctx, () => false, NONE);
    const candidates = policies.filter((p) => isOn(p) && p.authenticationStrength === PHISHING_RESISTANT_STRENGTH && p.includedRoles.length > 0);
    const missing = (roles: string[]) => Object.entries(HIGHLY_PRIVILEGED_ROLES).filter(([, id]) => !roles.includes(id)).map(([n]) => n);
    const complete = candidates.filter((p) => missing(p.includedRoles).length === 0);
    if (complete.length) return complete.map((p) => pass(p.resource));
    if (candidates.length) {
      return candidates.map((p) => fail(p.resource, `policy "${p.displayName}" requires phishing-resistant MFA but not for: ${missing(p.includedRoles).join(", ")}`));
    }
    return [stackOutcome(caStack(policies), false, NONE)];
  },
});
