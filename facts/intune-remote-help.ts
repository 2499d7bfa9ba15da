/**
 * Intune Remote Help: the Intune RBAC resource actions (permissions) of a role that lets a helper
 * start Remote Help sessions, and what each one allows.
 *
 * Sources:
 * - the six Remote Help actions: MicrosoftDocs/memdocs
 *   intune/intune-service/remote-actions/device-remote-assist.md (version of 2025-08-27, "Role and
 *   permission requirements": a custom role that includes Microsoft.Intune_RemoteAssistance_Read,
 *   ..._RemoteAssistanceApp_Elevation, _TakeFullControl, _Unattended, _ViewScreen and
 *   Microsoft.Intune_RemoteTasks_RequestRemoteAssistance, plus "Organization/Read, Managed
 *   devices/Read");
 * - what they imply: memdocs intune/intune-service/fundamentals/remote-help.md, "Task 2: Configure
 *   permissions for Remote Help" (Take full control includes View screen; Elevation includes both;
 *   Unattended control includes all three; category Remote tasks, "Offer remote assistance");
 * - Microsoft.Intune_Organization_Read: microsoftgraph/powershell-intune-samples
 *   MDATP/Configure-MDATPIntuneSecAdminRole.ps1;
 * - Microsoft.Intune_ManagedDevices_Read: "Managed devices/Read" in the same naming scheme; Graph
 *   lists every action name (GET beta/deviceManagement/resourceOperations): on the verify list.
 */

/** Resource action name → what it lets a helper do (Dutch, for the generated docs). */
export const REMOTE_HELP_ACTIONS = {
  /** Remote tasks > Offer remote assistance: start a session from the Intune admin center. */
  offer: "Microsoft.Intune_RemoteTasks_RequestRemoteAssistance",
  /** Remote assistance connectors > Read (named by device-remote-assist.md for every helper role). */
  read: "Microsoft.Intune_RemoteAssistance_Read",
  /** Remote Help app > View screen. */
  viewScreen: "Microsoft.Intune_RemoteAssistanceApp_ViewScreen",
  /** Remote Help app > Take full control (includes View screen). */
  takeFullControl: "Microsoft.Intune_RemoteAssistanceApp_TakeFullControl",
  /** Remote Help app > Elevation: answer UAC prompts on the sharer's device (includes the two above). */
  elevation: "Microsoft.Intune_RemoteAssistanceApp_Elevation",
  /** Remote Help app > Unattended control: a session nobody accepts (includes all of the above). */
  unattended: "Microsoft.Intune_RemoteAssistanceApp_Unattended",
} as const;

/** Read access a helper needs to find the device in Intune (device-remote-assist.md). */
export const INTUNE_READ_ACTIONS = {
  organization: "Microsoft.Intune_Organization_Read",
  managedDevices: "Microsoft.Intune_ManagedDevices_Read",
} as const;

/** Every action whose holder may see or control a staff member's screen through Remote Help. */
export const REMOTE_HELP_SESSION_ACTIONS: readonly string[] = [
  REMOTE_HELP_ACTIONS.offer,
  REMOTE_HELP_ACTIONS.viewScreen,
  REMOTE_HELP_ACTIONS.takeFullControl,
  REMOTE_HELP_ACTIONS.elevation,
  REMOTE_HELP_ACTIONS.unattended,
];

/** Actions that run with administrator rights on the staff member's device. */
export const REMOTE_HELP_ELEVATING_ACTIONS: readonly string[] = [REMOTE_HELP_ACTIONS.elevation, REMOTE_HELP_ACTIONS.unattended];

/**
 * Actions werkplek never grants: an unattended session needs nobody to accept it, and the
 * telework guide promises staff that every session is theirs to accept.
 */
export const REMOTE_HELP_NEVER_GRANTED: readonly string[] = [REMOTE_HELP_ACTIONS.unattended];
