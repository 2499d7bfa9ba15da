import { atLeastOnePolicy, blocks, isOn } from "../ca-policy";
import { defineRule } from "../rule";
import { CA004 } from "../../policies/conditional-access/CA004-block-device-code-flow";
import { promoteInTenantFile } from "./enforced";

export default defineRule({
  id: "WP-CA-007",
  level: "warning",
  title: "Device code flow is blocked",
  explanation: "Device code phishing lets an attacker sign in on their own device with a code the user types in; municipal staff have no need for the flow.",
  fix: `${promoteInTenantFile(CA004)} in Terraform JSON it needs all users and apps, conditions.authentication_flow_transfer_methods ["deviceCodeFlow"], built_in_controls ["block"] and state "enabled".`,
  controls: ["MS.AAD.3.9", "CIS 5.2.2.12", "MT.1052"],
  check: (ctx) =>
    atLeastOnePolicy(
      ctx,
      (p) => isOn(p) && blocks(p) && p.includedUsers.includes("All") && p.transferMethods.includes("deviceCodeFlow"),
      "no enabled policy blocks the device code flow",
    ),
});
