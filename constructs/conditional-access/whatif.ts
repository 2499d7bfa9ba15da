/**
 * Offline what-if for conditional access: which of the tenant's policies apply to one sign-in,
 * and what Entra would then ask for. It reads the very policy objects the conditional access
 * stack synthesizes (`ConditionalAccessStack.policies`), never a second description of them.
 *
 * Entra's rules as applied here: a policy applies when every condition it sets matches; an
 * enforced (`enabled`) block wins; otherwise every applying grant must be met; session controls
 * of all applying policies combine, the strictest winning. Report-only policies are listed and
 * never enforced. A condition that needs a signal the question does not give (or a value known
 * only at deploy time) is reported as unknown and never guessed.
 */
import { BlockList, isIP } from "net";
import { Token } from "cdktf";
import { WELL_KNOWN_APPS } from "../../facts/applications";
import { authenticationStrengthInfo } from "../../facts/authentication-strengths";
import { DIRECTORY_ROLES, DirectoryRoleName } from "../../facts/directory-roles";
import {
  BuiltInControl,
  ClientAppType,
  ConditionalAccessPolicySpec,
  LocationRef,
  Platform,
  RiskLevel,
  SignInFrequency,
  TransferMethod,
  UserAction,
} from "./spec";

/** The policy as synthesized: its spec and the exclusions the construct added (break-glass). */
export interface EvaluatedPolicy {
  readonly spec: ConditionalAccessPolicySpec;
  readonly excludedGroupObjectIds: readonly string[];
}

export const WHATIF_CLIENTS = ["browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other"] as const;
export type WhatIfClient = (typeof WHATIF_CLIENTS)[number];
export const WHATIF_PLATFORMS = ["windows", "macOS", "iOS", "android", "linux", "unknown"] as const;
export type WhatIfPlatform = (typeof WHATIF_PLATFORMS)[number];
export const WHATIF_DEVICES = ["compliant", "unmanaged"] as const;
export type WhatIfDevice = (typeof WHATIF_DEVICES)[number];

/** Who signs in. No groups, roles, guest or break-glass: an ordinary staff member. */
export interface WhatIfUser {
  /** Group keys from the tenant file. @default - none */
  readonly groups?: readonly string[];
  /** Directory role template ids held directly (roles of `adminRoles` groups are added). @default - none */
  readonly roles?: readonly string[];
  /** A B2B collaboration guest. @default false */
  readonly guest?: boolean;
  /** A member of the tenant's emergency-access group. @default false */
  readonly breakGlass?: boolean;
}

/** The sign-in. A signal left out is unknown to every policy that looks at it. */
export interface WhatIfSignIn {
  /** `All` (every cloud app), `Office365`, an application id or a user action. @default "All" */
  readonly app?: string;
  readonly client?: WhatIfClient;
  readonly platform?: WhatIfPlatform;
  readonly device?: WhatIfDevice;
  /** ISO 3166-1 alpha-2 country the sign-in comes from. */
  readonly country?: string;
  /** Public IP address of the sign-in. */
  readonly ip?: string;
  /** User and sign-in risk. */
  readonly risk?: RiskLevel;
  /** An authentication transfer flow. @default - an ordinary sign-in, no transfer flow */
  readonly flow?: TransferMethod;
}

export interface WhatIfGrant {
  readonly policy: string;
  readonly operator: "AND" | "OR";
  readonly controls: BuiltInControl[];
  readonly authenticationStrength?: string;
}

export interface WhatIfSession {
  applicationEnforcedRestrictions?: boolean;
  persistentBrowser?: "always" | "never";
  signInFrequency?: SignInFrequency;
}

/** The `werkplek whatif --json` contract; keys in this order. */
export interface WhatIfResult {
  /**
   * `block`: the sign-in is refused, by a policy that blocks or by a grant the stated device
   * cannot meet (`unmetGrants`); `grant`: allowed once every grant is met; `allow`: no enforced
   * policy blocks or asks for a grant.
   */
  readonly result: "block" | "grant" | "allow";
  /** Every grant of an applying enforced policy, met or not. */
  readonly grants: WhatIfGrant[];
  readonly sessionControls: WhatIfSession;
  /** Policies that refuse the sign-in: a block control, or a grant in `unmetGrants`. */
  readonly blockedBy: string[];
  readonly reportOnly: string[];
  readonly unknown: string[];
  /** The grants in `grants` the stated sign-in cannot meet: a managed device asked of `device: unmanaged`. */
  readonly unmetGrants: WhatIfGrant[];
}

/** Three-valued: true, false, or unknown with the reasons. */
type Tri = true | false | { readonly unknown: string[] };

const isUnknown = (t: Tri): t is { unknown: string[] } => typeof t === "object";

function and(...ts: Tri[]): Tri {
  if (ts.includes(false)) return false;
  const reasons = ts.filter(isUnknown).flatMap((t) => t.unknown);
  return reasons.length ? { unknown: reasons } : true;
}

function or(...ts: Tri[]): Tri {
  if (ts.includes(true)) return true;
  const reasons = ts.filter(isUnknown).flatMap((t) => t.unknown);
  return reasons.length ? { unknown: reasons } : false;
}

function not(t: Tri): Tri {
  return isUnknown(t) ? t : !t;
}

/**
 * What the evaluator needs to know of the directory besides the policies; a tenant (its file)
 * is one. Group keys are the names policies use for groups.
 */
export interface WhatIfDirectory {
  readonly breakGlass: { readonly groupObjectId: string };
  readonly allowedCountries: readonly string[];
  readonly trustedIpRanges: readonly string[];
  /** Group key → directory roles (built-in role names) its members hold. */
  readonly adminRoles: Readonly<Record<string, readonly string[]>>;
}

/** The directory in the form the evaluator looks things up in. */
interface TenantFacts {
  readonly breakGlassGroupObjectId: string;
  readonly allowedCountries: readonly string[];
  readonly trustedIpRanges: readonly string[];
  readonly adminRoles: Readonly<Record<string, readonly string[]>>;
}

function factsOf(tenant: WhatIfDirectory): TenantFacts {
  return {
    breakGlassGroupObjectId: tenant.breakGlass.groupObjectId,
    allowedCountries: tenant.allowedCountries,
    trustedIpRanges: tenant.trustedIpRanges,
    adminRoles: Object.fromEntries(
      Object.entries(tenant.adminRoles).map(([group, roles]) => [group, roles.map((r) => DIRECTORY_ROLES[r as DirectoryRoleName])]),
    ),
  };
}

const APP_ALL = "All";
const APP_OFFICE365 = "Office365";
/** First-party apps known not to belong to the Office365 app group. */
const NOT_OFFICE365 = new Set<string>([WELL_KNOWN_APPS.azureManagement]);
const WELL_KNOWN_APP_IDS = new Set<string>(Object.values(WELL_KNOWN_APPS));

function isUserAction(app: string): app is UserAction {
  return app.startsWith("urn:user:");
}

/** Evaluates one sign-in against the policies of a tenant. */
export function whatIf(policies: readonly EvaluatedPolicy[], tenant: WhatIfDirectory, user: WhatIfUser, signIn: WhatIfSignIn): WhatIfResult {
  const facts = factsOf(tenant);
  const grants: WhatIfGrant[] = [];
  const session: WhatIfSession = {};
  const blockedBy: string[] = [];
  const reportOnly: string[] = [];
  const unknown: string[] = [];

  for (const policy of policies) {
    const { spec } = policy;
    if (spec.state === "disabled") continue;
    const applies = policyApplies(policy, facts, user, signIn);
    const enforced = spec.state === "enabled";
    if (isUnknown(applies)) {
      const label = enforced ? spec.displayName : `${spec.displayName} (report-only)`;
      for (const reason of unique(applies.unknown)) unknown.push(`${label}: ${reason}`);
      continue;
    }
    if (!applies) continue;
    if (!enforced) {
      reportOnly.push(spec.displayName);
      continue;
    }
    const g = spec.grantControls;
    if (g?.builtInControls?.includes("block")) {
      blockedBy.push(spec.displayName);
    } else if (g) {
      grants.push({
        policy: spec.displayName,
        operator: g.operator,
        controls: [...(g.builtInControls ?? [])],
        ...(g.authenticationStrength ? { authenticationStrength: g.authenticationStrength } : {}),
      });
    }
    if (spec.sessionControls) mergeSession(session, spec.sessionControls);
  }

  // A grant the device cannot meet refuses the sign-in as surely as a block control does.
  const unmetGrants = grants.filter((g) => deviceGrantUnmet(g, signIn));
  for (const g of unmetGrants) if (!blockedBy.includes(g.policy)) blockedBy.push(g.policy);
  const result = blockedBy.length > 0 ? "block" : grants.length > 0 ? "grant" : "allow";
  return { result, grants, sessionControls: session, blockedBy, reportOnly, unknown, unmetGrants };
}

/**
 * A grant only a managed device can meet, asked of a sign-in from an unmanaged one: with AND any
 * device control, with OR only when every alternative is a device control (MFA or a strength
 * would be another way to meet it).
 */
export function deviceGrantUnmet(g: WhatIfGrant, s: WhatIfSignIn): boolean {
  const device = g.controls.filter((c) => c === "compliantDevice" || c === "domainJoinedDevice");
  if (s.device !== "unmanaged" || device.length === 0) return false;
  return g.operator === "AND" || (device.length === g.controls.length && !g.authenticationStrength);
}

function policyApplies(policy: EvaluatedPolicy, facts: TenantFacts, user: WhatIfUser, signIn: WhatIfSignIn): Tri {
  const c = policy.spec.conditions;
  return and(
    usersMatch(policy, facts, user),
    appsMatch(policy.spec, signIn.app ?? APP_ALL),
    clientMatches(c.clientAppTypes, signIn.client),
    c.platforms ? platformMatches(c.platforms.includePlatforms, c.platforms.excludePlatforms ?? [], signIn.platform) : true,
    c.locations ? locationMatches(c.locations.includeLocations, c.locations.excludeLocations ?? [], facts, signIn) : true,
    c.devices ? (signIn.device ? (c.devices.only === "unmanaged") === (signIn.device === "unmanaged") : { unknown: ["device state (give --device)"] }) : true,
    c.userRiskLevels ? riskMatches(c.userRiskLevels, signIn.risk, "user risk") : true,
    c.signInRiskLevels ? riskMatches(c.signInRiskLevels, signIn.risk, "sign-in risk") : true,
    c.authenticationFlows ? signIn.flow !== undefined && c.authenticationFlows.transferMethods.includes(signIn.flow) : true,
  );
}

function usersMatch(policy: EvaluatedPolicy, facts: TenantFacts, user: WhatIfUser): Tri {
  const u = policy.spec.conditions.users;
  const groups = new Set(user.groups ?? []);
  const roles = new Set([...(user.roles ?? []), ...[...groups].flatMap((g) => facts.adminRoles[g] ?? [])]);
  const groupObjectIds = new Set(user.breakGlass ? [facts.breakGlassGroupObjectId] : []);
  const guest = user.guest ?? false;
  const guestType = "b2bCollaborationGuest";

  const included =
    (u.includeUsers ?? []).some((x) => x === "All" || (x === "GuestsOrExternalUsers" && guest)) ||
    (u.includeGroups ?? []).some((g) => groups.has(g)) ||
    (u.includeRoles ?? []).some((r) => roles.has(r)) ||
    (guest && (u.includeGuestsOrExternalUsers ?? []).includes(guestType));
  const excluded =
    (u.excludeGroups ?? []).some((g) => groups.has(g)) ||
    policy.excludedGroupObjectIds.some((id) => groupObjectIds.has(id)) ||
    (guest && (u.excludeGuestsOrExternalUsers ?? []).includes(guestType));
  return included && !excluded;
}

function appsMatch(spec: ConditionalAccessPolicySpec, app: string): Tri {
  const a = spec.conditions.applications;
  if (a.includeUserActions) return isUserAction(app) && a.includeUserActions.includes(app);
  if (isUserAction(app)) return false; // user actions are not cloud apps
  const one = (policyApp: string): Tri => {
    if (policyApp === "None") return false;
    if (policyApp === APP_ALL || app === APP_ALL || policyApp === app) return true;
    // An app id known only at deploy time is one the tenant registers itself (the Awingu SAML app):
    // it is neither in the Office365 group nor a well-known first-party app, but it could be any
    // other id the user typed. Asked with that same token (the docs do), it is that app (above),
    // and no other app of a policy.
    if (Token.isUnresolved(app)) return false;
    if (Token.isUnresolved(policyApp)) {
      return app === APP_OFFICE365 || WELL_KNOWN_APP_IDS.has(app) ? false : { unknown: ["application (its id is known only at deploy time)"] };
    }
    if (policyApp === APP_OFFICE365 || app === APP_OFFICE365) {
      const other = policyApp === APP_OFFICE365 ? app : policyApp;
      return NOT_OFFICE365.has(other) ? false : { unknown: [`whether application ${other} belongs to Office365`] };
    }
    return false;
  };
  const excluded = (a.excludeApplications ?? []).map((x) =>
    x === app ? true : app === APP_ALL || Token.isUnresolved(app) ? false : x === APP_OFFICE365 || app === APP_OFFICE365 ? { unknown: ["excluded applications"] } : false,
  );
  return and(or(...a.includeApplications.map(one)), not(or(...excluded)));
}

function clientMatches(types: readonly ClientAppType[], client: WhatIfClient | undefined): Tri {
  if (types.includes("all")) return true;
  if (!client) return { unknown: ["client app (give --client)"] };
  return types.includes(client);
}

function platformMatches(include: readonly Platform[], exclude: readonly Platform[], platform: WhatIfPlatform | undefined): Tri {
  if (!platform) return include.includes("all") && exclude.length === 0 ? true : { unknown: ["device platform (give --platform)"] };
  const named = platform === "unknown" ? undefined : (platform as Platform);
  const included = include.includes("all") || (named !== undefined && include.includes(named));
  const excluded = named !== undefined && exclude.includes(named);
  return included && !excluded;
}

function locationMatches(include: readonly LocationRef[], exclude: readonly LocationRef[], facts: TenantFacts, signIn: WhatIfSignIn): Tri {
  const inLocation = (ref: LocationRef): Tri => {
    switch (ref) {
      case "All":
        return true;
      case "allowedCountries":
        return signIn.country ? facts.allowedCountries.includes(signIn.country) : { unknown: ["location: country (give --country)"] };
      case "trustedOffice":
      case "AllTrusted":
        return signIn.ip ? inRanges(signIn.ip, facts.trustedIpRanges) : { unknown: [`location: ${ref} (give --ip)`] };
    }
  };
  return and(or(...include.map(inLocation)), not(or(...exclude.map(inLocation))));
}

function riskMatches(levels: readonly RiskLevel[], risk: RiskLevel | undefined, what: string): Tri {
  return risk ? levels.includes(risk) : { unknown: [`${what} (give --risk)`] };
}

function inRanges(ip: string, ranges: readonly string[]): boolean {
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  const list = new BlockList();
  for (const range of ranges) {
    const [net, prefix] = range.split("/");
    list.addSubnet(net, Number(prefix), isIP(net) === 6 ? "ipv6" : "ipv4");
  }
  return list.check(ip, family);
}

function mergeSession(into: WhatIfSession, s: NonNullable<ConditionalAccessPolicySpec["sessionControls"]>): void {
  if (s.applicationEnforcedRestrictions) into.applicationEnforcedRestrictions = true;
  if (s.persistentBrowser) into.persistentBrowser = into.persistentBrowser === "never" ? "never" : s.persistentBrowser;
  if (s.signInFrequency) {
    const hours = (f: SignInFrequency) => (f === "everyTime" ? 0 : f.type === "days" ? f.value * 24 : f.value);
    if (!into.signInFrequency || hours(s.signInFrequency) < hours(into.signInFrequency)) into.signInFrequency = s.signInFrequency;
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Readable name of an authentication strength id. */
export function strengthName(id: string): string {
  return authenticationStrengthInfo(id)?.name ?? id;
}
