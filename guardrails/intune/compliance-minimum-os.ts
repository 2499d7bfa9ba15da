import { byODataType, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-INTUNE-004",
  level: "warning",
  title: "Windows compliance sets a minimum OS version",
  explanation: "Without a minimum build, a laptop that stopped taking updates stays compliant and keeps its access.",
  fix: 'Set osMinimumVersion (e.g. "10.0.22631.0") in the Windows compliance policy and raise it with the update rings.',
  controls: ["OIB Compliance", "MT.1102"],
  check: (ctx) =>
    byODataType(ctx, "windows10CompliancePolicy").map((r) =>
      verdict(r, [!(typeof graphBody(r).osMinimumVersion === "string" && graphBody(r).osMinimumVersion) && `${graphBody(r).displayName ?? r.name}: osMinimumVersion is not set`]),
    ),
});
