/**
 * Authentication methods (`policies/authenticationMethodsPolicy/...`), baselines.md §2.2.
 * Phishing-resistant and app-based methods on; SMS, voice and email OTP off unless the tenant
 * file keeps one on with a written reason.
 */
import type {
  AuthenticationMethodConfiguration,
  AuthenticationMethodTarget,
  Fido2AuthenticationMethodConfiguration,
  TemporaryAccessPassAuthenticationMethodConfiguration,
} from "@microsoft/microsoft-graph-types";
import type {
  AuthenticationMethodsPolicy as BetaAuthenticationMethodsPolicy,
  MicrosoftAuthenticatorAuthenticationMethodConfiguration as BetaMicrosoftAuthenticatorAuthenticationMethodConfiguration,
} from "@microsoft/microsoft-graph-types-beta";
import { ODataBody } from "../../constructs/graph-body";
import type { Tenant } from "../../tenants/schema";
import { WEAK_AUTH_METHODS } from "../../tenants/schema";

const ALL_USERS = { targetType: "group", id: "all_users" } as const;

/**
 * A passkey (FIDO2) profile. `isAttestationEnforced` and the top-level `keyRestrictions` are
 * deprecated in v1.0 (removed October 2027) in favour of these profiles; the installed
 * @microsoft/microsoft-graph-types predates them. Sources: Graph v1.0 resources/passkeyprofile.md,
 * resources/passkeyauthenticationmethodtarget.md and api/fido2authenticationmethodconfiguration-update.md
 * (its example PATCHes the profiles inline, the default profile's id ending in 1);
 * microsoftgraph/msgraph-metadata v1.0 (passkeyProfile, passkeyAuthenticationMethodTarget).
 */
interface PasskeyProfile {
  readonly id: string;
  readonly name: string;
  /** Flags: `deviceBound`, `synced` (comma-separated). */
  readonly passkeyTypes: string;
  readonly attestationEnforcement: "disabled" | "registrationOnly";
  readonly keyRestrictions: { readonly isEnforced: boolean; readonly enforcementType: "allow" | "block"; readonly aaGuids: readonly string[] };
}

/** The profile every tenant has once migrated to passkey profiles; it cannot be deleted. */
export const DEFAULT_PASSKEY_PROFILE_ID = "00000000-0000-0000-0000-000000000001";

/** Method configuration id (URL segment) → body. */
export type MethodConfigurations = Record<string, ODataBody<AuthenticationMethodConfiguration>>;

/**
 * Methods whose body needs Graph beta: Microsoft Authenticator's `numberMatchingRequiredState`
 * exists only in beta (beta resources/microsoftauthenticatorfeaturesettings.md; the v1.0
 * microsoftAuthenticatorFeatureSettings has the two context settings only, msgraph-metadata
 * schemas/v1.0-Prod.csdl). The rest go to v1.0.
 */
export const BETA_METHODS: ReadonlySet<string> = new Set(["MicrosoftAuthenticator"]);

/** Microsoft Authenticator's passkey AAGUIDs (Microsoft Learn, entra/identity/authentication/how-to-enable-authenticator-passkey). */
export const AUTHENTICATOR_PASSKEY_AAGUIDS = {
  android: "de1e552d-db1d-4423-a619-566b625cdc84",
  iOS: "90a3ccdf-635c-4729-a248-9b709135078f",
} as const;

export function authenticationMethodConfigurations(tenant: Tenant): MethodConfigurations {
  const kept = new Set(tenant.authenticationMethods.keepEnabled.map((k) => k.method));
  const passkeyAaguids = tenant.authenticationMethods.passkeyAaguids;
  const authenticator: ODataBody<BetaMicrosoftAuthenticatorAuthenticationMethodConfiguration> = {
    "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration",
    state: "enabled", //                                     MS.AAD.3.3, CIS 5.2.3.1
    isSoftwareOathEnabled: false, //                          EIDSCA.AM02
    // Microsoft enforces number matching for every Authenticator push since 2023 and v1.0 has no
    // switch for it; beta still reports it, and Maester reads it there (EIDSCA.AM03/AM04), so it is
    // declared as what it is: enabled for all users. App name and location context likewise:
    featureSettings: {
      numberMatchingRequiredState: { state: "enabled", includeTarget: ALL_USERS }, // EIDSCA.AM03/AM04
      displayAppInformationRequiredState: { state: "enabled", includeTarget: ALL_USERS },
      displayLocationInformationRequiredState: { state: "enabled", includeTarget: ALL_USERS },
    },
    includeTargets: [{ targetType: "group", id: "all_users", isRegistrationRequired: false, authenticationMode: "any" }],
  };
  const passkeys: PasskeyProfile = {
    id: DEFAULT_PASSKEY_PROFILE_ID,
    name: "Default passkey profile",
    passkeyTypes: "deviceBound", //                           keys and Authenticator on the device; synced passkeys cannot be attested
    attestationEnforcement: "registrationOnly", //            EIDSCA.AF03 (was isAttestationEnforced)
    // Only the models the tenant file lists (EIDSCA.AF04-AF06); absent, every model (WP-ID-021 warns).
    keyRestrictions: passkeyAaguids
      ? { isEnforced: true, enforcementType: "allow", aaGuids: [...passkeyAaguids] }
      : { isEnforced: false, enforcementType: "allow", aaGuids: [] },
  };
  const fido2: ODataBody<Fido2AuthenticationMethodConfiguration> & { passkeyProfiles: PasskeyProfile[] } = {
    "@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration",
    state: "enabled", //                                     EIDSCA.AF01
    isSelfServiceRegistrationAllowed: true, //                EIDSCA.AF02
    passkeyProfiles: [passkeys],
    includeTargets: [{ targetType: "group", id: "all_users", isRegistrationRequired: false, allowedPasskeyProfiles: [DEFAULT_PASSKEY_PROFILE_ID] } as AuthenticationMethodTarget],
  };
  const tap: ODataBody<TemporaryAccessPassAuthenticationMethodConfiguration> = {
    "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
    state: "enabled", //                                     EIDSCA.AT01: onboarding passwordless
    isUsableOnce: true, //                                    EIDSCA.AT02
    defaultLifetimeInMinutes: 60,
    includeTargets: [{ targetType: "group", id: "all_users", isRegistrationRequired: false }],
  };
  const weak: MethodConfigurations = {};
  for (const method of WEAK_AUTH_METHODS) {
    weak[method] = {
      "@odata.type": `#microsoft.graph.${method.toLowerCase()}AuthenticationMethodConfiguration`,
      state: kept.has(method) ? "enabled" : "disabled", //   MS.AAD.3.5, CIS 5.2.3.5 / 5.2.3.7
    };
  }
  return { MicrosoftAuthenticator: authenticator, Fido2: fido2, TemporaryAccessPass: tap, ...weak };
}

/** Policy-level settings (beta: reportSuspiciousActivitySettings is beta-only). */
export const authenticationMethodsPolicy: BetaAuthenticationMethodsPolicy = {
  policyMigrationState: "migrationComplete", //               MS.AAD.3.4
  reportSuspiciousActivitySettings: {
    state: "enabled", //                                      EIDSCA.AG02/AG03
    includeTarget: { targetType: "group", id: "all_users" },
    voiceReportingCode: 0,
  },
};
