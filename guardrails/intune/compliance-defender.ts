import { byODataType, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const REQUIRED = ["defenderEnabled", "rtpEnabled", "signatureOutOfDate"];

export default defineRule({
  id: "WP-INTUNE-003",
  level: "warning",
  title: "Windows compliance requires Defender with real-time protection and current signatures",
  explanation: "Defender with stale signatures or real-time protection off misses the malware that matters.",
  fix: `Set ${REQUIRED.join(", ")} to true in the Windows compliance policy (policies/intune).`,
  controls: ["OIB Defender for Endpoint", "MT.1148"],
  check: (ctx) =>
    byODataType(ctx, "windows10CompliancePolicy").map((r) =>
      verdict(r, REQUIRED.map((k) => graphBody(r)[k] !== true && `${graphBody(r).displayName ?? r.name}: ${k} is not true`)),
    ),
});
