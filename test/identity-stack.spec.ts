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
});
