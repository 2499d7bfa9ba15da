import { Construct } from "constructs";
import { ConfigurationError } from "../errors";
import { importExisting } from "../terraform-data";
import {
  ConditionalAccessPolicy as AzureadConditionalAccessPolicy,
  ConditionalAccessPolicyConfig,
  ConditionalAccessPolicySessionControls,
} from "@cdktf/provider-azuread/lib/conditional-access-policy";
import type { NamedLocation } from "@cdktf/provider-azuread/lib/named-location";
import type { EntraGroup } from "../entra-group";
import {
  ConditionalAccessPolicySpec,
  DEVICE_FILTER_RULES,
  GuestOrExternalUserType,
  LocationRef,
  NAMED_LOCATIONS,
  NamedLocationKey,
  PolicyUsers,
  SessionControls,
} from "./spec";

export interface ConditionalAccessPolicyProps {
  readonly spec: ConditionalAccessPolicySpec;
  /** The tenant's emergency-access group (made outside the code); excluded from the policy, always. */
  readonly breakGlassGroupObjectId: string;
  /** The tenant's groups by tenant-file key; the spec names groups by these keys. */
  readonly groups: Readonly<Record<string, EntraGroup>>;
  /** The named locations the spec may name. @default - none; a spec naming one is an error */
  readonly namedLocations?: Readonly<Partial<Record<NamedLocationKey, NamedLocation>>>;
}

/** The users fields a spec may set; anything else (excludeRoles, excludeUsers, …) is refused. */
const USER_FIELDS: readonly (keyof PolicyUsers)[] = [
  "includeUsers",
  "includeGroups",
  "includeRoles",
  "includeGuestsOrExternalUsers",
  "excludeGroups",
  "excludeGuestsOrExternalUsers",
];

/**
 * An `azuread_conditional_access_policy` that cannot be unsafe: it always excludes the tenant's
 * break-glass group, offers no way to exclude roles or single users, checks the azuread 3.7.0
 * rules (exactly one of apps or user actions, grant or session controls, …) before synthesis,
 * and is protected with `prevent_destroy`.
 *
 * The underlying resource is private on purpose: no override can reach it from outside, and the
 * conditional access stack re-checks the synthesized JSON anyway.
 */
export class ConditionalAccessPolicy extends Construct {
  /** What this policy is, as the what-if evaluator and the docs read it. */
  readonly spec: ConditionalAccessPolicySpec;
  /** Groups (object ids) excluded on top of `spec.conditions.users.excludeGroups`: the break-glass group. */
  readonly excludedGroupObjectIds: readonly string[];
  private readonly resource: AzureadConditionalAccessPolicy;

  constructor(scope: Construct, id: string, props: ConditionalAccessPolicyProps) {
    super(scope, id);
    const { spec } = props;
    checkSpec(spec);
    if (!/^[0-9a-fA-F-]{36}$/.test(props.breakGlassGroupObjectId)) {
      throw new ConfigurationError(`${spec.displayName}: breakGlassGroupObjectId must be a GUID, got "${props.breakGlassGroupObjectId}"`);
    }
    this.spec = spec;
    this.excludedGroupObjectIds = [props.breakGlassGroupObjectId];

    const group = (key: string) => {
      const g = props.groups[key];
      if (!g) throw new ConfigurationError(`${spec.displayName}: unknown group "${key}"; allowed: ${Object.keys(props.groups).join(", ")}`);
      return g.objectId;
    };
    const location = (ref: LocationRef) => {
      if (ref === "All" || ref === "AllTrusted") return ref;
      const l = props.namedLocations?.[ref];
      if (!l) {
        const have = NAMED_LOCATIONS.filter((k) => props.namedLocations?.[k]);
        throw new ConfigurationError(`${spec.displayName}: named location "${ref}" does not exist in this tenant; allowed: All, AllTrusted${have.map((k) => `, ${k}`).join("")}`);
      }
      return l.objectId;
    };

    const c = spec.conditions;
    const u = c.users;
    const config: ConditionalAccessPolicyConfig = {
      displayName: spec.displayName,
      state: spec.state,
      conditions: {
        clientAppTypes: [...c.clientAppTypes],
        applications: c.applications.includeUserActions
          ? { includedUserActions: [...c.applications.includeUserActions] }
          : {
              includedApplications: [...c.applications.includeApplications],
              excludedApplications: list(c.applications.excludeApplications),
            },
        users: {
          includedUsers: list(u.includeUsers),
          includedGroups: list(u.includeGroups?.map(group)),
          includedRoles: list(u.includeRoles),
          includedGuestsOrExternalUsers: guests(u.includeGuestsOrExternalUsers),
          excludedGroups: [...(u.excludeGroups ?? []).map(group), ...this.excludedGroupObjectIds],
          excludedGuestsOrExternalUsers: guests(u.excludeGuestsOrExternalUsers),
        },
        platforms: c.platforms && {
          includedPlatforms: [...c.platforms.includePlatforms],
          excludedPlatforms: list(c.platforms.excludePlatforms),
        },
        locations: c.locations && {
          includedLocations: c.locations.includeLocations.map(location),
          excludedLocations: list(c.locations.excludeLocations?.map(location)),
        },
        devices: c.devices && { filter: { mode: "include", rule: DEVICE_FILTER_RULES[c.devices.only] } },
        userRiskLevels: list(c.userRiskLevels),
        signInRiskLevels: list(c.signInRiskLevels),
        authenticationFlowTransferMethods: list(c.authenticationFlows?.transferMethods),
      },
      grantControls: spec.grantControls && {
        operator: spec.grantControls.operator,
        builtInControls: list(spec.grantControls.builtInControls),
        authenticationStrengthPolicyId: spec.grantControls.authenticationStrength,
      },
      sessionControls: spec.sessionControls && sessionControls(spec.sessionControls),
      lifecycle: { preventDestroy: true },
    };
    this.resource = new AzureadConditionalAccessPolicy(this, "Resource", config);
  }
  /**
   * Takes over an existing policy (a Terraform `import` block): its conditions, controls and state
   * become this policy's on the first apply. Import id as azuread 3.x documents it
   * (docs/resources/conditional_access_policy.md: `/identity/conditionalAccess/policies/<id>`).
   */
  adopt(policyId: string): void {
    importExisting(this.resource, `/identity/conditionalAccess/policies/${policyId}`);
  }


  get displayName(): string {
    return this.spec.displayName;
  }

  /** The Terraform address of the policy, e.g. for `terraform import` instructions. */
  get fqn(): string {
    return this.resource.fqn;
  }
}

function list<T>(items: readonly T[] | undefined): T[] | undefined {
  return items && items.length > 0 ? [...items] : undefined;
}

function guests(types: readonly GuestOrExternalUserType[] | undefined) {
  // Entra wants the external tenants spelled out; "all" tenants is what every template uses.
  return types && types.length > 0
    ? [{ guestOrExternalUserTypes: [...types], externalTenants: [{ membershipKind: "all" }] }]
    : undefined;
}

function sessionControls(s: SessionControls): ConditionalAccessPolicySessionControls {
  const f = s.signInFrequency;
  return {
    applicationEnforcedRestrictionsEnabled: s.applicationEnforcedRestrictions,
    persistentBrowserMode: s.persistentBrowser,
    ...(f === "everyTime"
      ? { signInFrequencyInterval: "everyTime", signInFrequencyAuthenticationType: "primaryAndSecondaryAuthentication" }
      : f
        ? { signInFrequency: f.value, signInFrequencyPeriod: f.type, signInFrequencyInterval: "timeBased" }
        : {}),
  };
}

/**
 * The azuread 3.7.0 and Entra rules a spec must meet, checked here so a bad policy fails at
 * synth with its name instead of at apply. Specs are typed, but policies are data and a cast or
 * a JavaScript caller can still hand over anything.
 */
export function checkSpec(spec: ConditionalAccessPolicySpec): void {
  const fail = (msg: string) => {
    throw new ConfigurationError(`conditional access policy ${spec.displayName || spec.id}: ${msg}`);
  };
  if (!/^CA\d{3}$/.test(spec.id)) fail(`id must look like CA001, got "${spec.id}"`);
  if (!spec.displayName.startsWith(`${spec.id} `)) fail(`display name must start with its id "${spec.id} "`);
  const users = spec.conditions.users as PolicyUsers & Record<string, unknown>;
  for (const field of Object.keys(users)) {
    if (field === "excludeRoles") fail("excluding roles is not allowed (SCuBA never accepts excludeRoles); exclude nothing but the break-glass group, which is added automatically");
    if (!USER_FIELDS.includes(field as keyof PolicyUsers)) fail(`users.${field} is not allowed; allowed: ${USER_FIELDS.join(", ")}`);
  }
  if (!(users.includeUsers?.length || users.includeGroups?.length || users.includeRoles?.length || users.includeGuestsOrExternalUsers?.length)) {
    fail("users must include someone (includeUsers, includeGroups, includeRoles or includeGuestsOrExternalUsers)");
  }
  const apps = spec.conditions.applications;
  if (!!apps.includeApplications?.length === !!apps.includeUserActions?.length) {
    fail("applications needs exactly one of includeApplications or includeUserActions");
  }
  if (spec.conditions.clientAppTypes.length === 0) fail("clientAppTypes must not be empty; use [\"all\"] for every client");
  if (spec.conditions.userRiskLevels?.length && spec.conditions.signInRiskLevels?.length) {
    fail("user risk and sign-in risk belong in separate policies (MT.1049)");
  }
  const g = spec.grantControls;
  if (g) {
    const controls = g.builtInControls ?? [];
    if (controls.length === 0 && !g.authenticationStrength) fail("grantControls needs builtInControls or an authenticationStrength");
    if (controls.includes("block") && (controls.length > 1 || g.authenticationStrength)) fail("block cannot be combined with other grant controls");
    if (controls.includes("mfa") && g.authenticationStrength) fail("mfa and an authentication strength cannot be combined; use the strength");
    if (controls.includes("passwordChange")) {
      if (g.operator !== "AND" || !controls.includes("mfa")) fail("passwordChange requires mfa with operator AND");
      if (apps.includeApplications?.join() !== "All") fail("passwordChange requires includeApplications [\"All\"]");
    }
  }
  const s = spec.sessionControls;
  const effectiveSession = !!s && (s.applicationEnforcedRestrictions === true || s.persistentBrowser !== undefined || s.signInFrequency !== undefined);
  if (!g && !effectiveSession) fail("a policy needs grant controls or at least one effective session control");
  if (s?.persistentBrowser && apps.includeApplications?.join() !== "All") {
    fail('persistentBrowser works only on policies for all cloud apps (includeApplications ["All"]); Entra does not apply it to single apps');
  }
  const f = s?.signInFrequency;
  if (f && f !== "everyTime") {
    const max = f.type === "hours" ? 23 : 365;
    if (!Number.isInteger(f.value) || f.value < 1 || f.value > max) fail(`signInFrequency must be 1..${max} ${f.type}, got ${f.value}`);
  }
}
