import { REMOTE_HELP_ELEVATING_ACTIONS, REMOTE_HELP_NEVER_GRANTED } from "../../facts/intune-remote-help";
import { graphBody } from "../graph";
import { allowedActions, boundRole, boundRoleName, intuneRoleAssignments, intuneRoleDefinitions, memberGroup } from "../remote-help";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-INTUNE-009",
  level: "error",
  title: "Remote Help elevation only for the IT-admin groups, and never unattended control",
  explanation:
    "Elevation lets a helper answer administrator prompts on a staff member's laptop: local administrator rights, granted through an Intune role. Only the municipality's IT admins (protected, role-assignable groups named in devices.remoteHelp.elevationGroups) may hold it. Unattended control starts a session nobody accepts, which the telework guide promises staff never happens.",
  fix: "Give Microsoft.Intune_RemoteAssistanceApp_Elevation only in the role assigned to devices.remoteHelp.elevationGroups (policies/intune/remote-help.ts); remove Microsoft.Intune_RemoteAssistanceApp_Unattended from every role.",
  controls: ["NIST CSF 1.1 PR.AC-4", "CIS Controls v8 5.4"],
  check: (ctx) => {
    const elevationGroups = ctx.tenant.devices?.remoteHelp.elevationGroups ?? [];
    const roles = intuneRoleDefinitions(ctx).map((r) =>
      verdict(r, allowedActions(graphBody(r)).filter((a) => REMOTE_HELP_NEVER_GRANTED.includes(a)).map((a) => `${graphBody(r).displayName ?? r.name} grants ${a}: a session nobody accepts`)),
    );
    const assignments = intuneRoleAssignments(ctx).map((a) => {
      const role = boundRole(ctx, a);
      const label = graphBody(a).displayName ?? a.name;
      if (!role) return verdict(a, [`${label} binds ${boundRoleName(a) ? `msgraph_resource.${boundRoleName(a)}` : "a role"} that the code does not declare, so its permissions cannot be checked`]);
      if (!allowedActions(graphBody(role)).some((x) => REMOTE_HELP_ELEVATING_ACTIONS.includes(x))) return verdict(a, []);
      const members: unknown[] = Array.isArray(graphBody(a).members) ? graphBody(a).members : [];
      return verdict(
        a,
        members.map((m) => {
          const g = memberGroup(ctx, a.stack, m);
          if (!g) return `${label} gives elevation to ${String(m)}, which is not a group of the code`;
          if (!g.roleAssignable) return `${label} gives elevation to ${g.displayName}, which is not a protected (role-assignable) admin group`;
          if (!g.key || !elevationGroups.includes(g.key)) return `${label} gives elevation to ${g.displayName}, which devices.remoteHelp.elevationGroups does not name (allowed: ${elevationGroups.join(", ") || "none"})`;
          return false;
        }),
      );
    });
    return [...roles, ...assignments];
  },
});
