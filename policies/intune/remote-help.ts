/**
 * Intune Remote Help (tenant file `devices.remoteHelp`): the tenant-wide setting and two custom
 * Intune roles with their assignments. Read like a table: who may do what, on which devices.
 *
 * | role | members | may | scope |
 * | --- | --- | --- | --- |
 * | helpdesk | `helpdeskGroups` | offer a session, see the screen, take control when the staff member allows it | `deviceGroups` (+ `unenrolledDevices.userGroups`) |
 * | elevation | `elevationGroups` (IT admins) | the same, and answer administrator (UAC) prompts | the same |
 *
 * No role grants unattended control: every session is accepted by the staff member
 * (facts/intune-remote-help.ts REMOTE_HELP_NEVER_GRANTED).
 */
import type {
  DeviceAndAppManagementRoleAssignment,
  DeviceAndAppManagementRoleDefinition,
  RemoteAssistanceSettings,
} from "@microsoft/microsoft-graph-types-beta";
import type { ODataBody } from "../../constructs/graph-body";
import { INTUNE_READ_ACTIONS, REMOTE_HELP_ACTIONS } from "../../facts/intune-remote-help";
import type { RemoteHelpSpec } from "../../tenants/sections/devices";

/**
 * `PATCH beta/deviceManagement/remoteAssistanceSettings` (Graph reference: api-reference/beta/api/
 * intune-remoteassistance-remoteassistancesettings-update.md; resource page
 * intune-remoteassistance-remoteassistancesettings.md): `remoteAssistanceState` is the enum
 * remoteAssistanceState (`disabled`, `enabled`), the other two are non-nullable booleans.
 */
export function remoteAssistanceSettings(r: RemoteHelpSpec): RemoteAssistanceSettings {
  return {
    remoteAssistanceState: "enabled",
    allowSessionsToUnenrolledDevices: r.unenrolledDevices.allowed,
    blockChat: !r.chat,
  };
}

export type RemoteHelpRole = "helpdesk" | "elevation";

/** What each role may do; `elevation` only in the role of the IT-admin groups. */
export const REMOTE_HELP_ROLE_ACTIONS: Readonly<Record<RemoteHelpRole, readonly string[]>> = {
  helpdesk: [
    REMOTE_HELP_ACTIONS.offer,
    REMOTE_HELP_ACTIONS.read,
    REMOTE_HELP_ACTIONS.viewScreen,
    REMOTE_HELP_ACTIONS.takeFullControl,
    INTUNE_READ_ACTIONS.organization,
    INTUNE_READ_ACTIONS.managedDevices,
  ],
  elevation: [
    REMOTE_HELP_ACTIONS.offer,
    REMOTE_HELP_ACTIONS.read,
    REMOTE_HELP_ACTIONS.viewScreen,
    REMOTE_HELP_ACTIONS.takeFullControl,
    REMOTE_HELP_ACTIONS.elevation,
    INTUNE_READ_ACTIONS.organization,
    INTUNE_READ_ACTIONS.managedDevices,
  ],
};

const ROLE_NAMES: Readonly<Record<RemoteHelpRole, { name: string; description: string }>> = {
  helpdesk: {
    name: "Hulp op afstand",
    description: "Remote Help: sessie aanbieden, scherm zien en overnemen als de medewerker dat toestaat. Geen verhoogde rechten, geen sessie zonder medewerker. Beheerd door werkplek.",
  },
  elevation: {
    name: "Hulp op afstand met beheerdersrechten",
    description: "Remote Help zoals de helpdeskrol, en beheerdersvragen (UAC) beantwoorden. Alleen voor de ICT-beheerders. Geen sessie zonder medewerker. Beheerd door werkplek.",
  },
};

/**
 * `POST beta/deviceManagement/roleDefinitions` (Graph reference: api-reference/beta/api/
 * intune-rbac-deviceandappmanagementroledefinition-create.md): a custom role whose
 * `rolePermissions[].resourceActions[].allowedResourceActions` are the Remote Help permissions.
 * `rolePermission.actions` (and `permissions`) are left out: the metadata calls `actions`
 * "Allowed Actions - Deprecated".
 */
export function remoteHelpRoleDefinition(prefix: string, role: RemoteHelpRole): ODataBody<DeviceAndAppManagementRoleDefinition> {
  return {
    "@odata.type": "#microsoft.graph.deviceAndAppManagementRoleDefinition",
    displayName: `${prefix} - ${ROLE_NAMES[role].name}`,
    description: ROLE_NAMES[role].description,
    rolePermissions: [{ resourceActions: [{ allowedResourceActions: [...REMOTE_HELP_ROLE_ACTIONS[role]], notAllowedResourceActions: [] }] }],
  };
}

/** A role assignment body with the link to its role definition (`roleDefinition@odata.bind`). */
export type RoleAssignmentBody = ODataBody<DeviceAndAppManagementRoleAssignment> & { "roleDefinition@odata.bind": string };

/**
 * `POST beta/deviceManagement/roleAssignments` (Graph reference: api-reference/beta/api/
 * intune-rbac-deviceandappmanagementroleassignment-create.md): `members` are the groups that get
 * the role, `resourceScopes` the groups of devices (and users) they may act on, with
 * `scopeType: resourceScope`; the role by `roleDefinition@odata.bind`, as
 * microsoft/Microsoft365DSC MSFT_IntuneRoleAssignment.psm1 and
 * microsoftgraph/powershell-intune-samples send it.
 */
export function remoteHelpRoleAssignment(
  prefix: string,
  role: RemoteHelpRole,
  roleDefinitionId: string,
  members: readonly string[],
  resourceScopes: readonly string[],
): RoleAssignmentBody {
  return {
    "@odata.type": "#microsoft.graph.deviceAndAppManagementRoleAssignment",
    displayName: `${prefix} - ${ROLE_NAMES[role].name} - toewijzing`,
    description: `Wie ${role === "elevation" ? "met beheerdersrechten " : ""}hulp op afstand mag geven, en op welke toestellen. Beheerd door werkplek.`,
    members: [...members],
    scopeType: "resourceScope",
    resourceScopes: [...resourceScopes],
    "roleDefinition@odata.bind": `https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('${roleDefinitionId}')`,
  };
}
