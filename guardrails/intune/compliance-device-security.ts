import { byODataType, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const REQUIRED = ["tpmRequired", "activeFirewallRequired", "antivirusRequired", "antiSpywareRequired"];

export default defineRule({
  id: "WP-INTUNE-002",
  level: "warning",
  title: "Windows compliance requires TPM, firewall, antivirus and antispyware",
  explanation: "A laptop used from home networks must have its firewall and antivirus on to count as a managed device.",
  fix: `Set ${REQUIRED.join(", ")} to true in the Windows compliance policy (policies/intune).`,
  controls: ["OIB Device Security"],
  check: (ctx) =>
    byODataType(ctx, "windows10CompliancePolicy").map((r) =>
      verdict(r, REQUIRED.map((k) => graphBody(r)[k] !== true && `${graphBody(r).displayName ?? r.name}: ${k} is not true`)),
    ),
});
