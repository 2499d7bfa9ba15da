import { allUsersAllApps, atLeastOnePolicy, isOn } from "../ca-policy";
import { defineRule } from "../rule";
import { CA006 } from "../../policies/conditional-access/CA006-compliant-device-for-apps";
import { promoteInTenantFile } from "./enforced";

export default defineRule({
  id: "WP-CA-005",
  level: "warning",
  title: "A conditional access policy requires a compliant device for all users on all apps",
  explanation: "Stolen credentials are useless from a device the municipality does not manage; Intune compliance makes the laptop part of the sign-in.",
  fix: `${promoteInTenantFile(CA006)} in Terraform JSON it needs included_users ["All"], included_applications ["All"], built_in_controls containing "compliantDevice" (operator OR with "domainJoinedDevice" if hybrid devices exist) and state "enabled"; document any exception path (e.g. Awingu from home PCs) as its own policy.`,
  controls: ["MS.AAD.3.7", "CIS 5.2.2.9", "MT.1001"],
  check: (ctx) =>
    atLeastOnePolicy(
      ctx,
      (p) => isOn(p) && allUsersAllApps(p) && p.builtInControls.includes("compliantDevice"),
      "no enabled policy requires a compliant device for all users on all apps",
    ),
});
