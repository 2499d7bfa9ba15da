/**
 * The one model of a conditional access policy. Policies under `policies/conditional-access/` are
 * written in it, `ConditionalAccessPolicy` synthesizes it to `azuread_conditional_access_policy`
 * (azuread 3.7.0), and the what-if evaluator reads it. Names follow Graph's
 * `conditionalAccessPolicy` (camelCase); values are the provider's enum values.
 *
 * What is deliberately absent:
 * - excluding roles (SCuBA never accepts `excludeRoles`) and excluding single users;
 * - any way to drop the break-glass exclusion: the construct adds the tenant's emergency-access
 *   group to every policy itself.
 */
import type { AuthenticationStrengthId } from "../../facts/authentication-strengths";

export const POLICY_STATES = ["enabled", "enabledForReportingButNotEnforced", "disabled"] as const;
export type PolicyState = (typeof POLICY_STATES)[number];

export const CLIENT_APP_TYPES = ["all", "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other"] as const;
export type ClientAppType = (typeof CLIENT_APP_TYPES)[number];

export const PLATFORMS = ["all", "android", "iOS", "linux", "macOS", "windows", "windowsPhone"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const BUILT_IN_CONTROLS = ["block", "mfa", "compliantDevice", "domainJoinedDevice", "passwordChange", "compliantApplication"] as const;
export type BuiltInControl = (typeof BUILT_IN_CONTROLS)[number];

export const RISK_LEVELS = ["none", "low", "medium", "high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const TRANSFER_METHODS = ["deviceCodeFlow", "authenticationTransfer"] as const;
export type TransferMethod = (typeof TRANSFER_METHODS)[number];

export const USER_ACTIONS = ["urn:user:registersecurityinfo", "urn:user:registerdevice"] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** Graph `conditionalAccessGuestOrExternalUserTypes`, the ones a municipality meets. */
export const GUEST_TYPES = [
  "internalGuest",
  "b2bCollaborationGuest",
  "b2bCollaborationMember",
  "b2bDirectConnectUser",
  "otherExternalUser",
  "serviceProvider",
] as const;
export type GuestOrExternalUserType = (typeof GUEST_TYPES)[number];

/**
 * Named locations by key; the construct resolves them to the identity stack's
 * `azuread_named_location` objects. `All` and `AllTrusted` are Entra's own values.
 */
export const NAMED_LOCATIONS = ["allowedCountries", "trustedOffice"] as const;
export type NamedLocationKey = (typeof NAMED_LOCATIONS)[number];
export type LocationRef = "All" | "AllTrusted" | NamedLocationKey;

/**
 * Device states the construct knows how to express as a device filter rule. "unmanaged": neither
 * Intune-compliant nor hybrid-joined.
 */
export const DEVICE_FILTER_RULES = {
  unmanaged: 'device.isCompliant -ne True -and device.trustType -ne "ServerAD"',
} as const;
export type DeviceState = keyof typeof DEVICE_FILTER_RULES;

export interface PolicyUsers {
  /** `All` users (members and guests), or `GuestsOrExternalUsers`. */
  readonly includeUsers?: readonly ("All" | "GuestsOrExternalUsers")[];
  /** Group keys from the tenant file. */
  readonly includeGroups?: readonly string[];
  /** Directory role template ids. */
  readonly includeRoles?: readonly string[];
  readonly includeGuestsOrExternalUsers?: readonly GuestOrExternalUserType[];
  /** Group keys from the tenant file; the break-glass group is added by the construct. */
  readonly excludeGroups?: readonly string[];
  readonly excludeGuestsOrExternalUsers?: readonly GuestOrExternalUserType[];
}

/** Cloud apps, or user actions: never both (azuread: exactly one of them). */
export type PolicyApplications =
  | { readonly includeApplications: readonly string[]; readonly excludeApplications?: readonly string[]; readonly includeUserActions?: never }
  | { readonly includeUserActions: readonly UserAction[]; readonly includeApplications?: never; readonly excludeApplications?: never };

export interface PolicyConditions {
  readonly users: PolicyUsers;
  readonly applications: PolicyApplications;
  /** `["all"]` for every client. */
  readonly clientAppTypes: readonly ClientAppType[];
  /** @default - every platform */
  readonly platforms?: { readonly includePlatforms: readonly Platform[]; readonly excludePlatforms?: readonly Platform[] };
  /** @default - every location */
  readonly locations?: { readonly includeLocations: readonly LocationRef[]; readonly excludeLocations?: readonly LocationRef[] };
  /** Applies only to devices in this state. @default - every device */
  readonly devices?: { readonly only: DeviceState };
  /** @default - any user risk */
  readonly userRiskLevels?: readonly RiskLevel[];
  /** @default - any sign-in risk */
  readonly signInRiskLevels?: readonly RiskLevel[];
  /** @default - any authentication flow */
  readonly authenticationFlows?: { readonly transferMethods: readonly TransferMethod[] };
}

/** Grant controls: at least one built-in control or an authentication strength. */
export type GrantControls = {
  readonly operator: "AND" | "OR";
} & (
  | { readonly builtInControls: readonly BuiltInControl[]; readonly authenticationStrength?: AuthenticationStrengthId }
  | { readonly builtInControls?: readonly BuiltInControl[]; readonly authenticationStrength: AuthenticationStrengthId }
);

export type SignInFrequency = { readonly value: number; readonly type: "hours" | "days" } | "everyTime";

export interface SessionControls {
  /** SharePoint and Exchange limit what the browser session can do (download, sync). @default false */
  readonly applicationEnforcedRestrictions?: boolean;
  /** @default - Entra's default (the user chooses "stay signed in") */
  readonly persistentBrowser?: "always" | "never";
  /** @default - Entra's default (rolling 90 days) */
  readonly signInFrequency?: SignInFrequency;
}

/** The part of a policy a policy file writes: everything but its state, which the tenant file sets. */
export interface PolicyBody {
  readonly conditions: PolicyConditions;
  /** @default - no grant controls (then session controls are required) */
  readonly grantControls?: GrantControls;
  /** @default - no session controls */
  readonly sessionControls?: SessionControls;
}

/** A complete policy: identity, state from the tenant file's rollout, and its body. */
export interface ConditionalAccessPolicySpec extends PolicyBody {
  /** `CA001` … */
  readonly id: string;
  /** `CA001 Block legacy authentication`. */
  readonly displayName: string;
  /** Baseline control ids it implements (SCuBA, CIS, Maester). */
  readonly controls: readonly string[];
  readonly state: PolicyState;
}
