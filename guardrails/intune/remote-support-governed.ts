import { byODataType, graphBody } from "../graph";
import { intuneRoleAssignments, remoteAssistanceSettings } from "../remote-help";
import { defineRule, pass, stackOutcome } from "../rule";

export default defineRule({
  id: "WP-INTUNE-007",
  level: "warning",
  title: "Remote support is governed: Intune Remote Help is on, with the role assignments that say who may help",
  explanation:
    "Without Remote Help the helpdesk takes over home screens with tools nobody configured: Quick Assist started on a phone call, or a third-party tool. Then nothing limits who may connect, to which devices, with administrator rights, and phone scammers use the same tools. Remote Help signs in both sides with the tenant's accounts and takes its rights from Intune roles.",
  fix: "With a Remote Help (or Intune Suite) licence, set devices.remoteHelp.enabled: true with the helpdesk groups (docs/devices.md, Remote Help). Until then the telework guide explains Quick Assist with the helpdesk's call-back check; suppress this warning with that reason if the municipality decided so.",
  controls: ["NIST CSF 1.1 PR.MA-2", "NIST CSF 1.1 PR.AC-4"],
  check: (ctx) => {
    // applies where the code manages Windows laptops with Intune
    const laptops = byODataType(ctx, "windows10CompliancePolicy");
    if (laptops.length === 0) return [];
    const on = remoteAssistanceSettings(ctx).filter((r) => graphBody(r).remoteAssistanceState === "enabled");
    if (on.length === 0) {
      return [stackOutcome(laptops[0].stack, false, "Intune Remote Help is off (devices.remoteHelp.enabled is not true): remote support to staff at home is not governed by the code")];
    }
    if (intuneRoleAssignments(ctx).length === 0) {
      return [stackOutcome(on[0].stack, false, "Remote Help is enabled, but no Intune role assignment in the code says who may start sessions")];
    }
    return on.map(pass);
  },
});
