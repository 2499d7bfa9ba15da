import { Construct } from "constructs";
import { DirectoryRoleAssignment } from "@cdktf/provider-azuread/lib/directory-role-assignment";
import { NamedLocation } from "@cdktf/provider-azuread/lib/named-location";
import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { MonitorAadDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-aad-diagnostic-setting";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { EntraGroup } from "../constructs/entra-group";
import { MsGraphUpdateResource } from "../constructs/msgraph/update-resource";
import { MsGraphResource } from "../constructs/msgraph/resource";
import { importExisting } from "../constructs/terraform-data";
import { cafName } from "../constructs/naming";
import { ConfigurationError } from "../constructs/errors";
import { WerkplekStack, WerkplekStackProps } from "./werkplek-stack";
import { adminConsentRequestPolicy } from "../policies/identity/admin-consent";
import { authenticationMethodConfigurations, authenticationMethodsPolicy, BETA_METHODS } from "../policies/identity/authentication-methods";
import { authorizationPolicy } from "../policies/identity/authorization-policy";
import { deviceRegistrationPolicy } from "../policies/identity/device-registration";
import { ENTRA_LOG_CATEGORIES } from "../policies/identity/diagnostic-logs";
import { consentPolicySettings } from "../policies/identity/consent-settings";
import { defaultAppManagementPolicy } from "../policies/identity/app-management";
import { domainPasswordPolicy, neverExpireDomains, passwordRuleSettings } from "../policies/identity/passwords";
import { DIRECTORY_ROLES, DirectoryRoleName } from "../facts/directory-roles";

/**
 * `<tenant>-identity`: groups and group licensing, named locations, admin roles on role-assignable
 * groups, tenant-wide Entra settings, and Entra sign-in and audit logs into Log Analytics.
 */
export class IdentityStack extends WerkplekStack {
  /** Groups by their key in the tenant file. */
  readonly groups: Readonly<Record<string, EntraGroup>>;
  readonly allowedCountries: NamedLocation;
  /** Trusted office IP ranges; absent when the tenant file lists none. */
  readonly trustedOffice?: NamedLocation;
  readonly logAnalytics: LogAnalyticsWorkspace;

  constructor(scope: Construct, props: WerkplekStackProps) {
    super(scope, "identity", props);
    const t = this.tenant;

    const roleHolders = new Set(Object.keys(t.adminRoles));
    const groups: Record<string, EntraGroup> = {};
    for (const [key, g] of Object.entries(t.groups)) {
      groups[key] = new EntraGroup(this, `group-${key}`, {
        displayName: g.displayName,
        description: g.description,
        unified: g.kind === "microsoft365",
        dynamicRule: g.dynamicRule,
        roleAssignable: g.roleAssignable ?? roleHolders.has(key),
        owners: g.owners,
        licenceSkuIds: g.licences.map((l) => t.licences[l]),
      });
    }
    this.groups = groups;
    for (const [key, objectId] of Object.entries(t.adopt.groups)) groups[key].adopt(objectId);

    for (const [key, roles] of Object.entries(t.adminRoles)) {
      for (const role of roles) {
        new DirectoryRoleAssignment(this, `role-${key}-${slug(role)}`, {
          roleId: DIRECTORY_ROLES[role as DirectoryRoleName],
          principalObjectId: groups[key].objectId,
        });
      }
    }

    this.allowedCountries = new NamedLocation(this, "location-allowed-countries", {
      displayName: `${t.displayName} - toegelaten landen`,
      country: { countriesAndRegions: t.allowedCountries, includeUnknownCountriesAndRegions: false },
    });
    if (t.trustedIpRanges.length > 0) {
      this.trustedOffice = new NamedLocation(this, "location-trusted-office", {
        displayName: `${t.displayName} - kantoornetwerk`,
        ip: { ipRanges: t.trustedIpRanges, trusted: true },
      });
    }

    // Existing named locations are taken over; import id as azuread 3.x documents it
    // (docs/resources/named_location.md: /identity/conditionalAccess/namedLocations/<id>).
    const { allowedCountries, trustedOffice } = t.adopt.namedLocations;
    if (allowedCountries) importExisting(this.allowedCountries, `/identity/conditionalAccess/namedLocations/${allowedCountries}`);
    if (trustedOffice) {
      if (!this.trustedOffice) throw new ConfigurationError("adopt.namedLocations.trustedOffice: the tenant file has no trustedIpRanges, so there is no trusted office location to adopt it as");
      importExisting(this.trustedOffice, `/identity/conditionalAccess/namedLocations/${trustedOffice}`);
    }

    // Tenant singletons: these objects exist in every tenant and are updated in place.
    new MsGraphUpdateResource(this, "authorization-policy", {
      url: "policies/authorizationPolicy",
      body: authorizationPolicy,
    });
    new MsGraphUpdateResource(this, "admin-consent-policy", {
      url: "policies/adminConsentRequestPolicy",
      updateMethod: "PUT",
      body: adminConsentRequestPolicy(groups[t.adminConsent.reviewers].objectId, t.adminConsent.requestDurationInDays),
    });
    new MsGraphUpdateResource(this, "authentication-methods-policy", {
      url: "policies/authenticationMethodsPolicy",
      apiVersion: "beta",
      body: authenticationMethodsPolicy,
    });
    for (const [method, body] of Object.entries(authenticationMethodConfigurations(t))) {
      new MsGraphUpdateResource(this, `authentication-method-${slug(method)}`, {
        url: `policies/authenticationMethodsPolicy/authenticationMethodConfigurations/${method}`,
        ...(BETA_METHODS.has(method) ? { apiVersion: "beta" as const } : {}),
        body,
      });
    }

    new MsGraphUpdateResource(this, "device-registration-policy", {
      url: "policies/deviceRegistrationPolicy",
      apiVersion: "beta",
      updateMethod: "PUT",
      body: deviceRegistrationPolicy(t.deviceRegistration, t.deviceRegistration.joinGroups?.map((g) => groups[g].objectId)),
    });

    // Directory settings (beta `settings`) exist once a tenant saves them; an existing one is adopted
    // (msgraph import id with ?api-version=beta, research/providers.md: msgraph_resource import).
    const consentSettings = new MsGraphResource(this, "consent-policy-settings", {
      url: "settings",
      apiVersion: "beta",
      body: consentPolicySettings(),
      lifecycle: { preventDestroy: true },
    });
    if (t.adminConsent.adoptExistingSettingId) importExisting(consentSettings, `/settings/${t.adminConsent.adoptExistingSettingId}?api-version=beta`);
    const passwordSettings = new MsGraphResource(this, "password-rule-settings", {
      url: "settings",
      apiVersion: "beta",
      body: passwordRuleSettings(t.passwords),
      lifecycle: { preventDestroy: true },
    });
    if (t.passwords.adoptExistingSettingId) importExisting(passwordSettings, `/settings/${t.passwords.adoptExistingSettingId}?api-version=beta`);
    for (const domain of neverExpireDomains(t.primaryDomain, t.passwords)) {
      new MsGraphUpdateResource(this, `domain-password-policy-${slug(domain)}`, {
        url: `domains/${domain}`,
        body: domainPasswordPolicy,
      });
    }
    new MsGraphUpdateResource(this, "app-management-policy", {
      url: "policies/defaultAppManagementPolicy",
      body: defaultAppManagementPolicy(t.appCredentials),
    });

    const rg = new ResourceGroup(this, "monitoring-rg", {
      name: cafName("rg", t.name, "monitoring"),
      location: t.location,
      lifecycle: { preventDestroy: true },
    });
    this.logAnalytics = new LogAnalyticsWorkspace(this, "log-analytics", {
      name: cafName("log", t.name, "werkplek"),
      location: t.location,
      resourceGroupName: rg.name,
      sku: "PerGB2018",
      retentionInDays: t.logAnalytics.retentionInDays,
      localAuthenticationEnabled: false,
      lifecycle: { preventDestroy: true },
    });
    new MonitorAadDiagnosticSetting(this, "entra-diagnostics", {
      name: "werkplek-entra-logs",
      logAnalyticsWorkspaceId: this.logAnalytics.id,
      enabledLog: ENTRA_LOG_CATEGORIES.map((category) => ({ category })),
    });
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
