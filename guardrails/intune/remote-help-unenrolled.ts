import { graphBody } from "../graph";
import { remoteAssistanceSettings } from "../remote-help";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-INTUNE-008",
  level: "error",
  title: "Remote Help reaches computers Intune does not manage only when the tenant file says so, with a reason",
  explanation:
    "A session to an unenrolled computer shows the helpdesk a staff member's private computer, which no compliance policy protects, and Intune audits such sessions only in part. The municipality decides that explicitly, with a reason a reviewer can read.",
  fix: "Set allowSessionsToUnenrolledDevices to false (devices.remoteHelp.unenrolledDevices.allowed: false), or allow it in the tenant file with unenrolledDevices.reason and the staff userGroups it is for.",
  controls: ["NIST CSF 1.1 PR.MA-2", "NIST CSF 1.1 PR.AC-3"],
  check: (ctx) => {
    const declared = ctx.tenant.devices?.remoteHelp.unenrolledDevices;
    return remoteAssistanceSettings(ctx).map((r) =>
      verdict(r, [
        graphBody(r).allowSessionsToUnenrolledDevices === true &&
          !(declared?.allowed && declared.reason) &&
          "allowSessionsToUnenrolledDevices is true, but the tenant file does not allow sessions to unenrolled devices with a reason (devices.remoteHelp.unenrolledDevices)",
      ]),
    );
  },
});
