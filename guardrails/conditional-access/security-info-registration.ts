import { caPolicies, caStack, isOn } from "../ca-policy";
import { defineRule, pass, stackOutcome } from "../rule";

export default defineRule({
  id: "WP-CA-006",
  level: "warning",
  title: "Registering security info is protected by a conditional access policy",
  explanation: "Whoever registers an MFA method first owns the account; registration must need a managed device or a trusted location plus a Temporary Access Pass.",
  fix: 'Keep a policy with included_user_actions ["urn:user:registersecurityinfo"] for all users that requires a compliant device, or blocks outside trusted locations.',
  controls: ["MS.AAD.3.8", "CIS 5.2.2.10", "MT.1011"],
  check: (ctx) => {
    const policies = caPolicies(ctx);
    if (policies.length === 0) return [];
    const found = policies.filter(
      (p) => isOn(p) && p.includedUsers.includes("All") && p.includedUserActions.includes("urn:user:registersecurityinfo") && p.builtInControls.length > 0,
    );
    if (found.length) return found.map((p) => pass(p.resource));
    return [stackOutcome(caStack(policies), false, "no enabled policy protects the registration of security info (urn:user:registersecurityinfo)")];
  },
});
