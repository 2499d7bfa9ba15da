/**
 * Which direction of a Teams setting is looser, by MicrosoftTeams cmdlet parameter name (and the
 * Group.Unified directory setting names). Baseline: SCuBA MS.TEAMS.1–4, CIS 8.x; see
 * ../shared/research/providers.md §4.3 for the parameters and their values.
 */

/** Booleans where `true` opens something up. */
const TRUE_IS_LOOSER = new Set([
  // meeting policy (MS.TEAMS.1.x)
  "AllowAnonymousUsersToStartMeeting",
  "AllowAnonymousUsersToJoinMeeting",
  "AllowAnonymousUsersToDialOut",
  "AllowPSTNUsersToBypassLobby",
  "AllowExternalParticipantGiveRequestControl",
  "AllowExternalNonTrustedMeetingChat",
  "AllowCloudRecording",
  "AllowRecordingStorageOutsideRegion",
  "AllowOrganizersToOverrideLobbySettings",
  // federation and guests (MS.TEAMS.2.x, 3.x)
  "AllowFederatedUsers",
  "AllowTeamsConsumer",
  "AllowTeamsConsumerInbound",
  "AllowPublicUsers",
  "AllowGuestUser",
  "EnableFederationAccess",
  "EnableTeamsConsumerAccess",
  "EnableTeamsConsumerInbound",
  "EnablePublicCloudAudioVideoAccess",
  // client configuration (MS.TEAMS.4.1) and apps
  "AllowEmailIntoChannel",
  "AllowDropBox",
  "AllowBox",
  "AllowGoogleDrive",
  "AllowShareFile",
  "AllowEgnyte",
  "AllowSideLoading",
  // Group.Unified directory setting (guests; who may create groups is risks.ts groupCreationChanges)
  "AllowGuestsToBeGroupOwner",
  "AllowGuestsToAccessGroups",
  "AllowToAddGuests",
]);

/** Booleans where `false` opens something up (a protection switched off). */
const FALSE_IS_LOOSER = new Set([
  "AllowSecurityEndUserReporting",
  "RestrictTeamsConsumerToExternalUserProfiles",
  "BlockAllSubdomains",
  "EnableExternalAccessRestrictionsForChatParticipants",
]);

/** Enumerations from strictest to loosest. */
const ORDERED: Record<string, readonly string[]> = {
  AutoAdmittedUsers: ["OrganizerOnly", "InvitedUsers", "EveryoneInCompanyExcludingGuests", "EveryoneInCompany", "EveryoneInSameAndFederatedCompany", "Everyone"],
  MeetingChatEnabledType: ["Disabled", "EnabledExceptAnonymous", "Enabled"],
  DesignatedPresenterRoleMode: ["OrganizerOnlyUserOverride", "EveryoneInCompanyUserOverride", "EveryoneInSameAndFederatedCompanyUserOverride", "EveryoneUserOverride"],
  ExternalMeetingJoin: ["Disabled", "EnabledForTrustedOrgs", "EnabledForAnyone"],
  AnonymousUserAuthenticationMethod: ["OneTimePasscode", "None"],
  WhoCanRegister: ["EveryoneInCompany", "Everyone"],
  EventAccessType: ["EveryoneInCompanyExcludingGuests", "Everyone"],
  TownhallEventAttendeeAccess: ["EveryoneInOrganizationAndGuests", "Everyone"],
  BroadcastAttendeeVisibilityMode: ["InvitedUsersInCompany", "EveryoneInCompany", "InvitedUsersInCompanyAndExternal", "EveryoneInCompanyAndExternal", "Everyone"],
  // app-centric management (the document's apps section, MS.TEAMS.5.1–5.3)
  DefaultApp: ["None", "All"],
  GlobalApp: ["None", "All"],
  PrivateApp: ["None", "All"],
};

/** Lists where a new entry lets more in. */
const GROWING_IS_LOOSER = new Set(["AllowedDomains", "AllowedDomainsAsAList", "AllowedExternalDomains", "AllowedTrialTenantDomains"]);
/** Lists where a removed entry lets more in. */
const SHRINKING_IS_LOOSER = new Set(["BlockedDomains", "BlockedExternalDomains"]);

function asBool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return undefined;
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string") return v.split(/[,;]\s*/).filter(Boolean);
  return [];
}

/**
 * Why a change of one Teams parameter loosens the tenant, or undefined when it does not.
 * `before` undefined means the parameter was not declared before (Microsoft's default applied).
 */
export function teamsLoosening(name: string, before: unknown, after: unknown): string | undefined {
  if (TRUE_IS_LOOSER.has(name) || FALSE_IS_LOOSER.has(name)) {
    const b = asBool(before);
    const a = asBool(after);
    const loose = TRUE_IS_LOOSER.has(name);
    if (a === loose && b !== loose) return `${name} ${b === undefined ? "(not set)" : b} → ${a}`;
    return undefined;
  }
  const order = ORDERED[name];
  if (order) {
    const b = order.indexOf(String(before));
    const a = order.indexOf(String(after));
    if (a >= 0 && b >= 0 && a > b) return `${name} ${before} → ${after}`;
    return undefined;
  }
  if (GROWING_IS_LOOSER.has(name)) {
    const more = asList(after).filter((x) => !asList(before).includes(x));
    return more.length ? `${name} allows ${more.join(", ")}` : undefined;
  }
  if (SHRINKING_IS_LOOSER.has(name)) {
    const gone = asList(before).filter((x) => !asList(after).includes(x));
    return gone.length ? `${name} no longer blocks ${gone.join(", ")}` : undefined;
  }
  return undefined;
}

/**
 * A parameter that is no longer declared is no longer managed: the tenant keeps its current value,
 * a new tenant gets Microsoft's default (the loose side for these), and drift stops checking it.
 */
export function teamsUndeclared(name: string, before: unknown): string | undefined {
  const b = asBool(before);
  if (FALSE_IS_LOOSER.has(name) && b === true) return `${name} no longer managed (was true; the tenant keeps its value, a new tenant gets Microsoft's default, drift no longer checks it)`;
  if (TRUE_IS_LOOSER.has(name) && b === false) return `${name} no longer managed (was false; the tenant keeps its value, a new tenant gets Microsoft's default, drift no longer checks it)`;
  const order = ORDERED[name];
  if (order && order.indexOf(String(before)) >= 0 && order.indexOf(String(before)) < order.length - 1) {
    return `${name} no longer managed (was ${before}; the tenant keeps its value, a new tenant gets Microsoft's default, drift no longer checks it)`;
  }
  return undefined;
}
