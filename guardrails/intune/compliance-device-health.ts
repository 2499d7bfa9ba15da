import { byODataType, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const REQUIRED = ["bitLockerEnabled", "secureBootEnabled", "codeIntegrityEnabled"];

export default defineRule({
  id: "WP-INTUNE-001",
  level: "error",
  title: "Windows compliance requires BitLocker, Secure Boot and code integrity",
  explanation: "A lost or stolen laptop without BitLocker gives away every cached file; Secure Boot and code integrity keep boot-level malware out. Conditional access trusts only what compliance checks.",
  fix: `Set ${REQUIRED.join(", ")} to true in the Windows compliance policy (policies/intune).`,
  controls: ["OIB Device Health", "MT.1123"],
  check: (ctx) =>
    byODataType(ctx, "windows10CompliancePolicy").map((r) =>
      verdict(r, REQUIRED.map((k) => graphBody(r)[k] !== true && `${graphBody(r).displayName ?? r.name}: ${k} is not true`)),
    ),
});
