/**
 * The tenant's default app management policy (`policies/defaultAppManagementPolicy`, PATCH; Graph
 * v1.0 api/tenantappmanagementpolicy-update.md, resources/passwordcredentialconfiguration.md and
 * keycredentialconfiguration.md): which credentials app registrations and service principals may
 * get (MS.AAD.5.5-5.7, Maester MT.1002). werkplek's own deploy identities use federated (OIDC)
 * credentials, which these restrictions do not touch.
 */
import type { AppManagementConfiguration, TenantAppManagementPolicy } from "@microsoft/microsoft-graph-types";
import type { AppCredentialsSpec } from "../../tenants/sections/entra-settings";

/**
 * `restrictForAppsCreatedAfterDateTime` for "all applications": .NET DateTime.MinValue, which
 * ScubaGear requires for MS.AAD.5.5-5.7 (ALL_APPS_DATES in Rego/AADConfig.rego,
 * cisagov/ScubaGear@4d34e9a4); a later date exempts every app created before it.
 */
export const ALL_APPS = "0001-01-01T00:00:00Z";

/**
 * Entra compares lifetimes with "less than", so a limit of N days is written as N + 1 days
 * (SCuBA baselines/aad.md, notes to MS.AAD.5.6 and 5.7: 181 and 366 in the portal).
 */
export function isoDays(limitDays: number): string {
  return `P${limitDays + 1}D`;
}

export function defaultAppManagementPolicy(spec: AppCredentialsSpec): TenantAppManagementPolicy {
  const restrictions: AppManagementConfiguration = {
    passwordCredentials: [
      { restrictionType: "passwordAddition", state: spec.blockSecrets ? "enabled" : "disabled", maxLifetime: null, restrictForAppsCreatedAfterDateTime: ALL_APPS }, // MS.AAD.5.5
      { restrictionType: "passwordLifetime", state: "enabled", maxLifetime: isoDays(spec.secretLifetimeDays), restrictForAppsCreatedAfterDateTime: ALL_APPS }, //   MS.AAD.5.6
    ],
    keyCredentials: [
      { restrictionType: "asymmetricKeyLifetime", state: "enabled", maxLifetime: isoDays(spec.certificateLifetimeDays), restrictForAppsCreatedAfterDateTime: ALL_APPS }, // MS.AAD.5.7
    ],
  };
  return {
    isEnabled: true, //                                       MT.1002
    applicationRestrictions: restrictions,
    servicePrincipalRestrictions: restrictions,
  };
}
