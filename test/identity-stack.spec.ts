import { DIRECTORY_ROLES } from "../facts/directory-roles";
import { buildStacks, kraainem, resourcesOf, StackJson, synthJson } from "./helpers";

let json: StackJson;
beforeAll(() => {
  json = synthJson(buildStacks().identity);
});

const updates = () => Object.values(json.resource!.msgraph_update_resource) as { url: string; body: Record<string, any>; update_method?: string; api_version?: string }[];
const update = (url: string) => {
  const u = updates().find((x) => x.url === url);
  if (!u) throw new Error(`no msgraph_update_resource for ${url}`);
  return u;
};

describe("identity stack", () => {
  test("every group of the tenant file exists once, protected against destroy", () => {
    const groups = resourcesOf(json, "azuread_group");
    const t = kraainem();
    expect(groups.map((g) => g.display_name).sort()).toEqual(Object.values(t.groups).map((g) => g.displayName).sort());
    for (const g of groups) expect(g.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("department and all-staff groups are dynamic; the laptop group is a dynamic device group", () => {
    const byName = Object.fromEntries(resourcesOf(json, "azuread_group").map((g) => [g.display_name, g]));
    expect(byName["GRP-Dienst-Financiën"]).toMatchObject({ types: ["DynamicMembership"], dynamic_membership: { enabled: true, rule: 'user.department -eq "Financiën"' } });
    expect((byName["DEV-Windows-Laptops"].dynamic_membership as { rule: string }).rule).toMatch(/^\(device\.deviceOSType -eq "Windows"\)/);
    expect(byName["GRP-Gemeenteraad"].dynamic_membership).toBeUndefined();
  });

  test("groups that hold admin roles are role-assignable, and roles are assigned by template id to them only", () => {
    const groups = json.resource!.azuread_group;
    const assignments = resourcesOf(json, "azuread_directory_role_assignment") as { role_id: string; principal_object_id: string }[];
    const t = kraainem();
    const expected = Object.entries(t.adminRoles).flatMap(([, roles]) => roles.map((r) => DIRECTORY_ROLES[r as keyof typeof DIRECTORY_ROLES]));
    expect(assignments.map((a) => a.role_id).sort()).toEqual(expected.sort());
    expect(assignments.map((a) => a.role_id)).not.toContain(DIRECTORY_ROLES["Global Administrator"]);
    for (const a of assignments) {
      const ref = /^\$\{azuread_group\.([^.]+)\.object_id\}$/.exec(a.principal_object_id)![1];
      expect(groups[ref].assignable_to_role).toBe(true);
    }
  });

  test("licence groups get their SKU through assignLicense: staff Business Premium, council the free Teams licence", () => {
    const t = kraainem();
    const actions = resourcesOf(json, "msgraph_resource_action") as { action: string; body: { addLicenses: { skuId: string }[] } }[];
    const skus = actions.filter((a) => a.action === "assignLicense").flatMap((a) => a.body.addLicenses.map((l) => l.skuId));
    expect(skus).toContain(t.licences.SPB);
    expect(skus.filter((s) => s === t.licences.TEAMS_EXPLORATORY)).toHaveLength(2); // council and college
  });

  test("named locations: allowed countries without unknown ones, and trusted office ranges", () => {
    const locations = resourcesOf(json, "azuread_named_location");
    expect(locations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ country: { countries_and_regions: ["BE"], include_unknown_countries_and_regions: false } }),
        expect.objectContaining({ ip: { ip_ranges: kraainem().trustedIpRanges, trusted: true } }),
      ]),
    );
  });

  test("authorization policy: no app registration, consent, tenant or security group creation; restricted guests; MSOnline blocked", () => {
    const { body } = update("policies/authorizationPolicy");
    expect(body).toMatchObject({
      allowInvitesFrom: "adminsAndGuestInviters",
      guestUserRoleId: "2af84b1e-32c8-42b7-82bc-daa82404023b",
      blockMsolPowerShell: true,
      defaultUserRolePermissions: {
        allowedToCreateApps: false,
        allowedToCreateSecurityGroups: false,
        allowedToCreateTenants: false,
        permissionGrantPoliciesAssigned: [],
      },
    });
  });

  test("admin consent workflow is on, with the reviewer group's members, at most 30 days", () => {
    const u = update("policies/adminConsentRequestPolicy");
    expect(u.update_method).toBe("PUT");
    expect(u.body).toMatchObject({ isEnabled: true, notifyReviewers: true, remindersEnabled: true, requestDurationInDays: 30 });
    expect(u.body.reviewers[0].query).toMatch(/^\/groups\/\$\{azuread_group\.group-ict-beheerders_[A-Z0-9]+\.object_id\}\/transitiveMembers\/microsoft\.graph\.user$/);
  });

  test("authentication methods: Authenticator with context, FIDO2, TAP on; SMS, voice and email OTP off", () => {
    const base = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/";
    expect(update(base + "MicrosoftAuthenticator").body).toMatchObject({
      state: "enabled",
      isSoftwareOathEnabled: false,
      featureSettings: {
        displayAppInformationRequiredState: { state: "enabled" },
        displayLocationInformationRequiredState: { state: "enabled" },
      },
    });
    const fido2 = update(base + "Fido2").body;
    expect(fido2).toMatchObject({ state: "enabled", passkeyProfiles: [{ id: "00000000-0000-0000-0000-000000000001", attestationEnforcement: "registrationOnly" }] });
    expect(fido2.isAttestationEnforced).toBeUndefined(); // deprecated in v1.0, replaced by the passkey profile
    expect(fido2.includeTargets[0].allowedPasskeyProfiles).toEqual(["00000000-0000-0000-0000-000000000001"]);
    expect(update(base + "TemporaryAccessPass").body).toMatchObject({ state: "enabled", isUsableOnce: true });
    for (const m of ["Sms", "Voice", "Email"]) {
      expect(update(base + m).body).toEqual({ "@odata.type": `#microsoft.graph.${m.toLowerCase()}AuthenticationMethodConfiguration`, state: "disabled" });
    }
    expect(update("policies/authenticationMethodsPolicy")).toMatchObject({ api_version: "beta", body: { policyMigrationState: "migrationComplete" } });
  });

  test("a weak method kept on with a reason is enabled, the others stay off", () => {
    const t = kraainem();
    const stacks = buildStacks({ ...t, authenticationMethods: { keepEnabled: [{ method: "Sms", reason: "raadsleden zonder smartphone" }] } });
    const u = Object.values(synthJson(stacks.identity).resource!.msgraph_update_resource) as { url: string; body: { state: string } }[];
    const state = (m: string) => u.find((x) => x.url.endsWith(`/${m}`))!.body.state;
    expect([state("Sms"), state("Voice"), state("Email")]).toEqual(["enabled", "disabled", "disabled"]);
  });

  test("device registration: a whole-object PUT (an absent quota would stop every join), join limited to the tenant file's groups, no local admins by joining, Entra LAPS on", () => {
    const u = update("policies/deviceRegistrationPolicy");
    expect(u).toMatchObject({ update_method: "PUT", api_version: "beta" });
    expect(Object.keys(u.body).sort()).toEqual(["azureADJoin", "azureADRegistration", "localAdminPassword", "multiFactorAuthConfiguration", "userDeviceQuota"]);
    expect(u.body).toMatchObject({ userDeviceQuota: 20, multiFactorAuthConfiguration: "required", localAdminPassword: { isEnabled: true } });
    expect(u.body.azureADJoin.allowedToJoin).toEqual({
      "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership",
      users: [],
      groups: [expect.stringMatching(/^\$\{azuread_group\.group-personeel_\w+\.object_id\}$/), expect.stringMatching(/^\$\{azuread_group\.group-ict-beheerders_\w+\.object_id\}$/)],
    });
    expect(u.body.azureADJoin.localAdmins).toEqual({ enableGlobalAdmins: false, registeringUsers: { "@odata.type": "#microsoft.graph.noDeviceRegistrationMembership" } });
  });

  test("device registration without joinGroups lets every user join", () => {
    const t = kraainem();
    const stacks = buildStacks({ ...t, deviceRegistration: { ...t.deviceRegistration, joinGroups: undefined } });
    const u = (Object.values(synthJson(stacks.identity).resource!.msgraph_update_resource) as { url: string; body: any }[]).find((x) => x.url === "policies/deviceRegistrationPolicy")!;
    expect(u.body.azureADJoin.allowedToJoin).toEqual({ "@odata.type": "#microsoft.graph.allDeviceRegistrationMembership" });
  });

  test("sign-in and audit logs go to a Log Analytics workspace that is protected and tagged", () => {
    const [diag] = resourcesOf(json, "azurerm_monitor_aad_diagnostic_setting") as { enabled_log: { category: string }[]; log_analytics_workspace_id: string }[];
    expect(diag.enabled_log.map((l) => l.category)).toEqual(expect.arrayContaining(["AuditLogs", "SignInLogs", "NonInteractiveUserSignInLogs"]));
    expect(diag.log_analytics_workspace_id).toBe("${azurerm_log_analytics_workspace.log-analytics.id}");
    const [law] = resourcesOf(json, "azurerm_log_analytics_workspace");
    expect(law).toMatchObject({ lifecycle: { prevent_destroy: true }, retention_in_days: 90, local_authentication_enabled: false });
    expect(law.tags).toMatchObject({ ...kraainem().tags, managedBy: "werkplek", tenant: "kraainem" });
  });

  const settings = () => resourcesOf(json, "msgraph_resource") as { url: string; api_version?: string; body: { templateId: string; values: { name: string; value: string }[] }; lifecycle?: unknown }[];
  const setting = (templateId: string) => {
    const found = settings().filter((r) => r.body.templateId === templateId);
    expect(found).toHaveLength(1);
    return { ...found[0], values: Object.fromEntries(found[0].body.values.map((v) => [v.name, v.value])) };
  };

  test("Consent Policy Settings: users can ask for admin consent (what ScubaGear MS.AAD.5.3 and EIDSCA.CP04 read), risky consent blocked, no group-owner consent", () => {
    const s = setting("dffd5d46-495d-40a9-8e21-954ff55e198a");
    expect(s).toMatchObject({ url: "settings", api_version: "beta", lifecycle: { prevent_destroy: true } });
    expect(s.values).toEqual({ EnableAdminConsentRequests: "true", BlockUserConsentForRiskyApps: "true", EnableGroupSpecificConsent: "false", ConstrainGroupSpecificConsentToMembersOfGroupId: "" });
  });

  test("Password Rule Settings: the tenant file's banned terms tab-separated, smart lockout, on-premises enforcement", () => {
    const s = setting("5cf42378-d67d-4f36-ba46-e8b86229381d");
    expect(s).toMatchObject({ url: "settings", api_version: "beta" });
    expect(s.values).toEqual({
      EnableBannedPasswordCheck: "true",
      BannedPasswordList: kraainem().passwords.bannedPasswords.join("\t"),
      LockoutThreshold: "10",
      LockoutDurationInSeconds: "60",
      EnableBannedPasswordCheckOnPremises: "True",
      BannedPasswordCheckOnPremisesMode: "Enforce",
    });
    const t = kraainem();
    const none = synthJson(buildStacks({ ...t, passwords: { ...t.passwords, bannedPasswords: [] } }).identity);
    const values = (resourcesOf(none, "msgraph_resource") as any[]).find((r) => r.body.templateId === "5cf42378-d67d-4f36-ba46-e8b86229381d").body.values;
    expect(values).toContainEqual({ name: "EnableBannedPasswordCheck", value: "false" });
  });

  test("an existing directory setting is adopted with an import block (beta import id), not created twice", () => {
    const t = kraainem();
    const id = "11111111-2222-3333-4444-555555555555";
    const j = synthJson(buildStacks({ ...t, passwords: { ...t.passwords, adoptExistingSettingId: id } }).identity) as any;
    expect(j.import).toEqual([{ to: expect.stringMatching(/^msgraph_resource\.password-rule-settings/), id: `/settings/${id}?api-version=beta` }]);
  });

  test("passwords never expire on the primary domain and the tenant file's other domains (MS.AAD.6.1)", () => {
    const domains = updates().filter((u) => u.url.startsWith("domains/"));
    expect(domains.map((d) => d.url)).toEqual(["domains/kraainem.be", "domains/kraainem.onmicrosoft.com"]);
    for (const d of domains) {
      expect(d.body).toEqual({ passwordValidityPeriodInDays: 2147483647 });
      expect(d.api_version).toBeUndefined(); // v1.0
    }
  });

  test("default app management policy: no new secrets, secrets ≤ 180 and certificates ≤ 365 days, for every app and service principal", () => {
    const u = update("policies/defaultAppManagementPolicy");
    expect(u.update_method).toBeUndefined(); // PATCH: properties left out keep their value
    const restrictions = {
      passwordCredentials: [
        { restrictionType: "passwordAddition", state: "enabled", maxLifetime: null, restrictForAppsCreatedAfterDateTime: "0001-01-01T00:00:00Z" },
        { restrictionType: "passwordLifetime", state: "enabled", maxLifetime: "P181D", restrictForAppsCreatedAfterDateTime: "0001-01-01T00:00:00Z" },
      ],
      keyCredentials: [{ restrictionType: "asymmetricKeyLifetime", state: "enabled", maxLifetime: "P366D", restrictForAppsCreatedAfterDateTime: "0001-01-01T00:00:00Z" }],
    };
    expect(u.body).toEqual({ isEnabled: true, applicationRestrictions: restrictions, servicePrincipalRestrictions: restrictions });
    const t = kraainem();
    const open = synthJson(buildStacks({ ...t, appCredentials: { blockSecrets: false, secretLifetimeDays: 90, certificateLifetimeDays: 180 } }).identity);
    const body = (Object.values(open.resource!.msgraph_update_resource) as any[]).find((x) => x.url === "policies/defaultAppManagementPolicy").body;
    expect(body.applicationRestrictions.passwordCredentials.map((c: any) => [c.state, c.maxLifetime])).toEqual([["disabled", null], ["enabled", "P91D"]]);
    expect(body.servicePrincipalRestrictions.keyCredentials[0].maxLifetime).toBe("P181D");
  });

  test("authorization policy: administrators do not self-reset, no consent to risky apps", () => {
    expect(update("policies/authorizationPolicy").body).toMatchObject({ allowedToUseSSPR: false, allowUserConsentForRiskyApps: false });
  });

  test("Microsoft Authenticator goes through beta for number matching (all users); the other methods stay on v1.0", () => {
    const base = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/";
    const authenticator = update(base + "MicrosoftAuthenticator");
    expect(authenticator.api_version).toBe("beta");
    expect(authenticator.body.featureSettings.numberMatchingRequiredState).toEqual({ state: "enabled", includeTarget: { targetType: "group", id: "all_users" } });
    for (const m of ["Fido2", "TemporaryAccessPass", "Sms"]) expect(update(base + m).api_version).toBeUndefined();
  });

  test("passkey models: unrestricted without passkeyAaguids, an enforced allow-list with them", () => {
    const base = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Fido2";
    expect(update(base).body.passkeyProfiles[0].keyRestrictions).toEqual({ isEnforced: false, enforcementType: "allow", aaGuids: [] });
    const t = kraainem();
    const aaguids = ["90a3ccdf-635c-4729-a248-9b709135078f", "de1e552d-db1d-4423-a619-566b625cdc84"];
    const j = synthJson(buildStacks({ ...t, authenticationMethods: { ...t.authenticationMethods, passkeyAaguids: aaguids } }).identity);
    const fido2 = (Object.values(j.resource!.msgraph_update_resource) as any[]).find((x) => x.url === base).body;
    expect(fido2.passkeyProfiles[0].keyRestrictions).toEqual({ isEnforced: true, enforcementType: "allow", aaGuids: aaguids });
  });

  test("the Entra diagnostic setting also streams the four ID Protection categories", () => {
    const [diag] = resourcesOf(json, "azurerm_monitor_aad_diagnostic_setting") as { enabled_log: { category: string }[] }[];
    expect(diag.enabled_log.map((l) => l.category)).toEqual(expect.arrayContaining(["RiskyUsers", "UserRiskEvents", "RiskyServicePrincipals", "ServicePrincipalRiskEvents"]));
  });
});
