import { allUsersAllApps, caPolicies, caStack, isOn } from "../ca-policy";
import { defineRule, pass, stackOutcome } from "../rule";

export default defineRule({
  id: "WP-CA-005",
  level: "warning",
  title: "A conditional access policy requires a compliant device for all users on all apps",
  explanation: "Stolen credentials are useless from a device the municipality does not manage; Intune compliance makes the laptop part of the sign-in.",
  fix: 'Keep a policy with included_users ["All"], included_applications ["All"] and built_in_controls containing "compliantDevice" (operator OR with "domainJoinedDevice" if hybrid devices exist); document any exception path (e.g. Awingu from home PCs) as its own policy.',
  controls: ["MS.AAD.3.7", "CIS 5.2.2.9", "MT.1001"],
  check: (ctx) => {
    const policies = caPolicies(ctx);
    if (policies.length === 0) return [];
    const found = policies.filter((p) => isOn(p) && allUsersAllApps(p) && p.builtInControls.includes("compliantDevice"));
    if (found.length) return found.map((p) => pass(p.resource));
    return [stackOutcome(caStack(policies), false, "no enabled policy requires a compliant device for all users on all apps")];
  },
});
