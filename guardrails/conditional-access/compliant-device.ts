import { allUsersAllApps, atLeastOnePolicy, isOn } from "../ca-policy";
import { defineRule } from "../rule";

export default defineRule({
  id: "WP-CA-005",
  level: "warning",
  title: "A conditional access policy requires a compliant device for all users on all apps",
  explanation: "Stolen credentials are useless from a device the municipality does not manage; Intune compliance makes the laptop part of the sign-in.",
  fix: 'Keep a policy with included_users ["All"], included_applications ["All"] and built_in_controls containing "compliantDevice" (operator OR with "domainJoinedDevice" if hybrid devices exist); document any exception path (e.g. Awingu from home PCs) as its own policy.',
  controls: ["MS.AAD.3.7", "CIS 5.2.2.9", "MT.1001"],
  check: (ctx) =>
    atLeastOnePolicy(
      ctx,
      (p) => isOn(p) && allUsersAllApps(p) && p.builtInControls.includes("compliantDevice"),
      "no enabled policy requires a compliant device for all users on all apps",
    ),
});
