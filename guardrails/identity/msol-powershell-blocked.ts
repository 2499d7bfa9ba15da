import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-008",
  level: "warning",
  title: "The legacy MSOnline PowerShell module is blocked",
  explanation: "MSOnline uses legacy authentication paths and is retired; attackers still use it to read the directory.",
  fix: "Set blockMsolPowerShell = true in the authorization policy.",
  controls: ["MT.1185"],
  check: (ctx) =>
    byUrl(ctx, "policies/authorizationPolicy").map((r) => verdict(r, [graphBody(r).blockMsolPowerShell !== true && "blockMsolPowerShell is not true"])),
});
