/**
 * Authentication methods (`policies/authenticationMethodsPolicy/...`), baselines.md §2.2.
 * Phishing-resistant and app-based methods on; SMS, voice and email OTP off unless the tenant
 * file keeps one on with a written reason.
 */
import type {
  AuthenticationMethodConfiguration,
  AuthenticationMethodTarget,
  Fido2AuthenticationMethodConfiguration,
  MicrosoftAuthenticatorAuthenticationMethodConfiguration,
  TemporaryAccessPassAuthenticationMethodConfiguration,
} from "@microsoft/microsoft-graph-types";
import type { AuthenticationMethodsPolicy as BetaAuthenticationMethodsPolicy } from "@microsoft/microsoft-graph-types-beta";
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

export function authenticationMethodConfigurations(tenant: Tenant): MethodConfigurations {
  const kept = new Set(tenant.authenticationMethods.keepEnabled.map((k) => k.method));
  const authenticator: ODataBody<MicrosoftAuthenticatorAuthenticationMethodConfiguration> = {
    "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration",
    state: "enabled", //                                     MS.AAD.3.3, CIS 5.2.3.1
    isSoftwareOathEnabled: false, //                          EIDSCA.AM02
    // Number matching is enforced by Microsoft for every Authenticator push since 2023;
    // Graph v1.0 no longer has a switch for it. App name and location context are explicit:
    featureSettings: {
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
    keyRestrictions: { isEnforced: false, enforcementType: "allow", aaGuids: [] },
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
