import { caPolicies } from "../ca-policy";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-CA-013",
  level: "warning",
  title: "No conditional access policy uses the retired approved-client-app grant",
  explanation: 'Microsoft retired the "Require approved client app" grant; a policy that relies on it stops protecting when the control is switched off.',
  fix: 'Replace "approvedApplication" with "compliantApplication" (app protection policy) in built_in_controls.',
  controls: ["MT.1072"],
  check: (ctx) =>
    caPolicies(ctx).map((p) =>
      verdict(p.resource, [p.builtInControls.includes("approvedApplication") && `policy "${p.displayName}" grants with approvedApplication`]),
    ),
});
