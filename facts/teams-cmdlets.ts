/**
 * The MicrosoftTeams PowerShell cmdlets werkplek uses, with every parameter it may pass and the
 * values each parameter allows. Names and values are exactly as the cmdlets take them (module
 * docs, MicrosoftDocs/office-docs-powershell teams/teams-ps, ../shared/research/providers.md §4.3).
 *
 * This is the one list the policy data (compile time and synth time), the apply and export
 * scripts (a test reads them) and the drift comparer are checked against. Add a parameter here,
 * with its allowed values, before a policy may use it.
 */

/** One cmdlet parameter and what it accepts. */
export type ParameterSpec =
  | { readonly type: "Boolean" }
  | { readonly type: "String"; readonly values?: readonly string[] }
  | {
      readonly type: "Int32";
      readonly min: number;
      readonly max: number;
      /** Single values allowed outside min..max (e.g. -1 for "never"). */
      readonly also?: readonly number[];
    }
  | {
      /** A set of strings (domains, app ids): order does not matter, so it is sorted in the document. */
      readonly type: "StringList";
      /** Property path the Get- cmdlet returns it under, when it differs from the parameter name. */
      readonly readFrom?: string;
      /** .NET type each string is wrapped in (`New-Object <type> -ArgumentList <id>`) before the Set- call. */
      readonly objectType?: string;
      /** .NET collection type the list is converted to before the Set- call, when the cmdlet wants one. */
      readonly listType?: string;
    };

/** A policy or configuration type: its Get-/Set-/New- cmdlets and settable parameters. */
export interface PolicyTypeSpec {
  readonly get: string;
  readonly set: string;
  /** The New- cmdlet; absent for tenant configurations, which only have the `Global` instance. */
  readonly new?: string;
  /** Accepted by `New-CsGroupPolicyAssignment -PolicyType`. */
  readonly groupAssignable: boolean;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
}

const bool = { type: "Boolean" } as const;
const enabledDisabled = { type: "String", values: ["Enabled", "Disabled"] } as const;
const description = { type: "String" } as const;

export const POLICY_TYPES = {
  TeamsMeetingPolicy: {
    get: "Get-CsTeamsMeetingPolicy",
    set: "Set-CsTeamsMeetingPolicy",
    new: "New-CsTeamsMeetingPolicy",
    groupAssignable: true,
    parameters: {
      Description: description,
      AllowAnonymousUsersToJoinMeeting: bool,
      AllowAnonymousUsersToStartMeeting: bool,
      AnonymousUserAuthenticationMethod: { type: "String", values: ["OneTimePasscode", "None"] },
      AutoAdmittedUsers: {
        type: "String",
        values: [
          "EveryoneInCompany",
          "EveryoneInSameAndFederatedCompany",
          "Everyone",
          "OrganizerOnly",
          "EveryoneInCompanyExcludingGuests",
          "InvitedUsers",
        ],
      },
      AllowPSTNUsersToBypassLobby: bool,
      AllowExternalParticipantGiveRequestControl: bool,
      AllowParticipantGiveRequestControl: bool,
      AllowExternalNonTrustedMeetingChat: bool,
      DesignatedPresenterRoleMode: {
        type: "String",
        values: [
          "EveryoneUserOverride",
          "EveryoneInCompanyUserOverride",
          "EveryoneInSameAndFederatedCompanyUserOverride",
          "OrganizerOnlyUserOverride",
        ],
      },
      MeetingChatEnabledType: { type: "String", values: ["Disabled", "Enabled", "EnabledExceptAnonymous"] },
      AllowCloudRecording: bool,
      AllowRecordingStorageOutsideRegion: bool,
      AllowTranscription: bool,
      ExplicitRecordingConsent: { type: "String", values: ["Enabled", "Disabled", "LegitimateInterest"] },
      NewMeetingRecordingExpirationDays: { type: "Int32", min: 1, max: 99999, also: [-1] }, // -1: never expire
      ScreenSharingMode: { type: "String", values: ["SingleApplication", "EntireScreen", "Disabled"] },
      WhoCanRegister: { type: "String", values: ["Everyone", "EveryoneInCompany"] },
    },
  },
  TeamsEventsPolicy: {
    get: "Get-CsTeamsEventsPolicy",
    set: "Set-CsTeamsEventsPolicy",
    new: "New-CsTeamsEventsPolicy",
    groupAssignable: true,
    parameters: {
      Description: description,
      AllowTownhalls: enabledDisabled,
      AllowWebinars: enabledDisabled,
      EventAccessType: { type: "String", values: ["Everyone", "EveryoneInCompanyExcludingGuests"] },
      TownhallEventAttendeeAccess: { type: "String", values: ["Everyone", "EveryoneInOrganizationAndGuests"] },
      RecordingForTownhall: enabledDisabled,
      TranscriptionForTownhall: enabledDisabled,
      RecordingForWebinar: enabledDisabled,
      TranscriptionForWebinar: enabledDisabled,
    },
  },
  TeamsMeetingBroadcastPolicy: {
    get: "Get-CsTeamsMeetingBroadcastPolicy",
    set: "Set-CsTeamsMeetingBroadcastPolicy",
    new: "New-CsTeamsMeetingBroadcastPolicy",
    groupAssignable: true,
    parameters: {
      Description: description,
      AllowBroadcastScheduling: bool,
      AllowBroadcastTranscription: bool,
      BroadcastAttendeeVisibilityMode: {
        type: "String",
        values: [
          "Everyone",
          "EveryoneInCompany",
          "InvitedUsersInCompany",
          "EveryoneInCompanyAndExternal",
          "InvitedUsersInCompanyAndExternal",
        ],
      },
      BroadcastRecordingMode: { type: "String", values: ["AlwaysEnabled", "AlwaysDisabled", "UserOverride"] },
    },
  },
  TeamsMessagingPolicy: {
    get: "Get-CsTeamsMessagingPolicy",
    set: "Set-CsTeamsMessagingPolicy",
    new: "New-CsTeamsMessagingPolicy",
    groupAssignable: true,
    parameters: {
      Description: description,
      AllowSecurityEndUserReporting: bool,
      AllowCommunicationComplianceEndUserReporting: bool,
      AllowGiphy: bool,
      AllowMemes: bool,
      AllowUserChat: bool,
    },
  },
  TenantFederationConfiguration: {
    get: "Get-CsTenantFederationConfiguration",
    set: "Set-CsTenantFederationConfiguration",
    groupAssignable: false,
    parameters: {
      AllowFederatedUsers: bool,
      AllowedDomainsAsAList: {
        type: "StringList",
        readFrom: "AllowedDomains.AllowedDomain.Domain",
        listType: "System.Collections.Generic.List[string]",
      },
      AllowTeamsConsumer: bool,
      AllowTeamsConsumerInbound: bool,
      ExternalAccessWithTrialTenants: { type: "String", values: ["Blocked", "Allowed"] },
    },
  },
  TeamsClientConfiguration: {
    get: "Get-CsTeamsClientConfiguration",
    set: "Set-CsTeamsClientConfiguration",
    groupAssignable: false,
    parameters: {
      AllowGuestUser: bool,
      AllowEmailIntoChannel: bool,
      AllowDropBox: bool,
      AllowBox: bool,
      AllowGoogleDrive: bool,
      AllowShareFile: bool,
      AllowEgnyte: bool,
    },
  },
  TeamsGuestMeetingConfiguration: {
    get: "Get-CsTeamsGuestMeetingConfiguration",
    set: "Set-CsTeamsGuestMeetingConfiguration",
    groupAssignable: false,
    parameters: {
      AllowIPVideo: bool,
      AllowMeetNow: bool,
      ScreenSharingMode: { type: "String", values: ["SingleApplication", "EntireScreen", "Disabled"] },
    },
  },
  TeamsGuestMessagingConfiguration: {
    get: "Get-CsTeamsGuestMessagingConfiguration",
    set: "Set-CsTeamsGuestMessagingConfiguration",
    groupAssignable: false,
    parameters: {
      AllowUserChat: bool,
      AllowUserDeleteMessage: bool,
      AllowUserEditMessage: bool,
      AllowGiphy: bool,
      AllowMemes: bool,
      AllowStickers: bool,
    },
  },
  TeamsGuestCallingConfiguration: {
    get: "Get-CsTeamsGuestCallingConfiguration",
    set: "Set-CsTeamsGuestCallingConfiguration",
    groupAssignable: false,
    parameters: {
      AllowPrivateCalling: bool,
    },
  },
  TeamsAppSetupPolicy: {
    get: "Get-CsTeamsAppSetupPolicy",
    set: "Set-CsTeamsAppSetupPolicy",
    new: "New-CsTeamsAppSetupPolicy",
    groupAssignable: true,
    parameters: {
      Description: description,
      AllowSideLoading: bool,
      AllowUserPinning: bool,
    },
  },
} as const satisfies Record<string, PolicyTypeSpec>;

export type PolicyType = keyof typeof POLICY_TYPES;

/**
 * App-centric management, which replaced app permission policies (every tenant is migrated; on a
 * migrated tenant `Set-CsTeamsAppPermissionPolicy` succeeds and changes nothing, its page says
 * "do not use"). Org-wide availability of Microsoft (DefaultApp), third-party (GlobalApp) and
 * custom (PrivateApp) apps, and per-app availability. These cmdlets need a delegated Teams
 * Administrator sign-in: they refuse app-only tokens (ScubaGear docs/troubleshooting/
 * teams-app-settings.md). Sources: office-docs-powershell teams/teams-ps/MicrosoftTeams/
 * Get-M365UnifiedTenantSettings.md, Update-M365UnifiedTenantSettings.md, Get-M365TeamsApp.md,
 * Update-M365TeamsApp.md (test/contract/teams/cmdlets.json); values as Get- returns them and
 * Microsoft365DSC MSFT_TeamsM365App.schema.mof.
 */
export const APP_CENTRIC = {
  tenantSettings: {
    get: "Get-M365UnifiedTenantSettings",
    set: "Update-M365UnifiedTenantSettings",
    names: ["DefaultApp", "GlobalApp", "PrivateApp"],
    values: ["All", "None"],
  },
  app: {
    get: "Get-M365TeamsApp",
    set: "Update-M365TeamsApp",
    assignmentTypes: ["Everyone", "UsersAndGroups", "Noone"],
  },
} as const;

export type AppCatalogSetting = (typeof APP_CENTRIC.tenantSettings.names)[number];
export type AppCatalogValue = (typeof APP_CENTRIC.tenantSettings.values)[number];
export type AppAssignmentType = (typeof APP_CENTRIC.app.assignmentTypes)[number];

/** The value a parameter takes in the policy data, derived from its spec. */
type ValueOf<S> = S extends { type: "Boolean" }
  ? boolean
  : S extends { type: "String"; values: readonly (infer V)[] }
    ? V
    : S extends { type: "String" }
      ? string
      : S extends { type: "Int32" }
        ? number
        : S extends { type: "StringList" }
          ? readonly string[]
          : never;

/** The parameters of one policy type, each typed by its allowed values. */
export type PolicyParameters<T extends PolicyType> = {
  readonly [P in keyof (typeof POLICY_TYPES)[T]["parameters"]]?: ValueOf<(typeof POLICY_TYPES)[T]["parameters"][P]>;
};

/** A parameter value as it appears in the document. */
export type ParameterValue = boolean | string | number | readonly string[];

/**
 * Cmdlets called by name in the scripts (not through the document), with the parameters they pass.
 * Policy types above contribute their Get-/Set-/New- cmdlets with `-Identity` and their parameters.
 */
export const SCRIPT_CMDLETS: Readonly<Record<string, readonly string[]>> = {
  "Connect-MicrosoftTeams": ["TenantId", "AccessTokens", "ApplicationId", "Certificate"],
  "Disconnect-MicrosoftTeams": [],
  "Get-CsGroupPolicyAssignment": ["GroupId", "PolicyType"],
  "New-CsGroupPolicyAssignment": ["GroupId", "PolicyType", "PolicyName", "Rank"],
  "Remove-CsGroupPolicyAssignment": ["GroupId", "PolicyType"],
  "Get-M365UnifiedTenantSettings": ["SettingNames"],
  "Update-M365UnifiedTenantSettings": ["SettingName", "SettingValue"],
  "Get-M365TeamsApp": ["Id"],
  "Update-M365TeamsApp": ["Id", "IsBlocked", "AppAssignmentType"],
};

/** PowerShell common parameters every cmdlet takes. */
export const COMMON_PARAMETERS = ["ErrorAction", "Verbose", "WarningAction"] as const;

/** Every known Teams cmdlet → the parameters werkplek may pass to it. */
export function knownCmdlets(): ReadonlyMap<string, ReadonlySet<string>> {
  const known = new Map<string, Set<string>>();
  const add = (cmdlet: string, params: readonly string[]) => {
    const set = known.get(cmdlet) ?? new Set<string>(COMMON_PARAMETERS);
    params.forEach((p) => set.add(p));
    known.set(cmdlet, set);
  };
  for (const spec of Object.values(POLICY_TYPES) as PolicyTypeSpec[]) {
    add(spec.get, ["Identity"]);
    add(spec.set, ["Identity", ...Object.keys(spec.parameters)]);
    if (spec.new) add(spec.new, ["Identity"]);
  }
  for (const [cmdlet, params] of Object.entries(SCRIPT_CMDLETS)) add(cmdlet, params);
  return known;
}
