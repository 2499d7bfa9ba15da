import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { ConditionalAccessPolicy as RawPolicy } from "@cdktf/provider-azuread/lib/conditional-access-policy";
import { ConditionalAccessPolicy, checkSpec } from "../constructs/conditional-access/policy";
import { ConditionalAccessPolicySpec, PolicyUsers } from "../constructs/conditional-access/spec";
import { conditionalAccessPolicies } from "../policies/conditional-access/policy-set";
import { buildTenant } from "../stacks/tenant";
import { breakGlassProblems } from "../stacks/conditional-access";
import { buildStacks, kraainem, kraainemRaw, resourcesOf, synthJson, tenantFrom } from "./helpers";
import { TenantSchema } from "../tenants/schema";

const BREAK_GLASS = "00000000-0000-0000-0000-0000000000c1";
const policiesOf = (json: any) => resourcesOf(json, "azuread_conditional_access_policy") as any[];

describe("conditional access stack", () => {
  const stacks = buildStacks();
  const json = synthJson(stacks.conditionalAccess);
  const policies = policiesOf(json);

  test("the example gets the baseline CA001-CA011, the Awingu policy CA014 and CA015, numbered, in the state its tenant file says, protected from destroy", () => {
    expect(policies.map((p) => p.display_name.split(" ")[0])).toEqual(
      ["CA001", "CA002", "CA003", "CA004", "CA005", "CA006", "CA007", "CA008", "CA009", "CA010", "CA011", "CA014", "CA015"],
    );
    for (const p of policies) {
      // CA015 is not listed in the example's rollout: report-only during the passkey rollout
      expect(p.state).toBe(p.display_name.startsWith("CA015") ? "enabledForReportingButNotEnforced" : "enabled");
      expect(p.lifecycle).toEqual({ prevent_destroy: true });
    }
  });

  test("CA015 asks everyone but guests for phishing-resistant MFA on every app (MS.AAD.3.1), report-only until promoted", () => {
    const ca015 = policies.find((p) => p.display_name === "CA015 Require phishing-resistant MFA for all users");
    expect(ca015.conditions.users.included_users).toEqual(["All"]);
    expect(ca015.conditions.users.excluded_groups).toEqual([BREAK_GLASS]);
    expect(ca015.conditions.users.excluded_guests_or_external_users[0].guest_or_external_user_types).toEqual(
      ["internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider"],
    );
    expect(ca015.conditions.applications.included_applications).toEqual(["All"]);
    expect(ca015.grant_controls).toEqual({ operator: "OR", authentication_strength_policy_id: "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004" });
    expect(ca015.state).toBe("enabledForReportingButNotEnforced");
    const promoted = policiesOf(synthJson(buildStacks(withConditionalAccess({ policies: { CA015: { state: "enabled", promoted: "2026-11-30" } } })).conditionalAccess));
    expect(promoted.find((p) => p.display_name.startsWith("CA015")).state).toBe("enabled");
  });

  test("every policy excludes the break-glass group and no role", () => {
    for (const p of policies) {
      expect(p.conditions.users.excluded_groups).toContain(BREAK_GLASS);
      expect(p.conditions.users.excluded_roles).toBeUndefined();
    }
    expect(breakGlassProblems(json, BREAK_GLASS)).toEqual([]);
  });

  test("the baseline settings from baselines.md §2.3", () => {
    const byId = Object.fromEntries(policies.map((p) => [p.display_name.split(" ")[0], p]));
    expect(byId.CA001.conditions.client_app_types).toEqual(["exchangeActiveSync", "other"]);
    expect(byId.CA001.grant_controls.built_in_controls).toEqual(["block"]);
    expect(byId.CA002.grant_controls.authentication_strength_policy_id).toBe(
      "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002",
    );
    expect(byId.CA003.grant_controls.authentication_strength_policy_id).toBe(
      "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004",
    );
    // SCuBA's eight highly privileged roles are all there (and Microsoft's list on top).
    for (const id of [
      "62e90394-69f5-4237-9190-012177145e10", "e8611ab8-c189-46e8-94e1-60213ab1f814", "fe930be7-5e62-47db-91af-98c3a49a38b1",
      "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "29232cdf-9323-42fd-ade2-1d097af3e4de", "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
      "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "158c047a-c907-4556-b7ef-446551a6b5f7",
    ]) expect(byId.CA003.conditions.users.included_roles).toContain(id);
    expect(byId.CA004.conditions.authentication_flow_transfer_methods).toEqual(["deviceCodeFlow"]);
    expect(byId.CA005.conditions.applications).toEqual({ included_user_actions: ["urn:user:registersecurityinfo"] });
    expect(byId.CA006.grant_controls).toEqual({ operator: "OR", built_in_controls: ["compliantDevice", "domainJoinedDevice"] });
    expect(byId.CA007.session_controls).toEqual({
      application_enforced_restrictions_enabled: true,
      persistent_browser_mode: "never",
      sign_in_frequency: 8,
      sign_in_frequency_period: "hours",
      sign_in_frequency_interval: "timeBased",
    });
    expect(byId.CA007.grant_controls).toBeUndefined();
    expect(byId.CA009.conditions.users.included_guests_or_external_users[0].guest_or_external_user_types).toContain("b2bCollaborationGuest");
    expect(byId.CA010.conditions.applications.included_applications).toEqual(["797f4846-ba00-4fd7-ba43-dac1f8f63013"]);
    expect(byId.CA011.conditions.platforms).toEqual({
      included_platforms: ["all"],
      excluded_platforms: ["android", "iOS", "linux", "macOS", "windows"],
    });
  });

  test("named locations come from the identity stack by reference (object ids)", () => {
    const app = Testing.app();
    buildTenant(app, kraainem());
    app.synth();
    const file = path.join(app.outdir, "stacks", "kraainem-conditional-access", "cdk.tf.json");
    const ca008 = policiesOf(JSON.parse(fs.readFileSync(file, "utf8"))).find((p) => p.display_name.startsWith("CA008"));
    expect(ca008.conditions.locations.included_locations).toEqual(["All"]);
    const excluded: string[] = ca008.conditions.locations.excluded_locations;
    expect(excluded).toHaveLength(2);
    expect(excluded[0]).toMatch(/kraainem-identity.*location-allowed-countries.*object_id/);
    expect(excluded[1]).toMatch(/kraainem-identity.*location-trusted-office.*object_id/);
  });

  test("valid for azuread 3.7.0: required fields, enum values and the exactly-one rules (providers.md §1.2)", () => {
    const withRisk = policiesOf(synthJson(buildStacks(withConditionalAccess({ riskPolicies: true })).conditionalAccess));
    const enumOk = (values: unknown, allowed: string[]) => Array.isArray(values) && values.every((v) => allowed.includes(v));
    for (const p of [...policies, ...withRisk]) {
      const where = p.display_name;
      expect([where, typeof p.display_name]).toEqual([where, "string"]);
      expect([where, ["enabled", "disabled", "enabledForReportingButNotEnforced"].includes(p.state)]).toEqual([where, true]);
      const c = p.conditions;
      expect([where, enumOk(c.client_app_types, ["all", "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "easSupported", "other"])]).toEqual([where, true]);
      expect([where, !!c.applications.included_applications !== !!c.applications.included_user_actions]).toEqual([where, true]);
      const u = c.users;
      expect([where, !!(u.included_users || u.included_groups || u.included_roles || u.included_guests_or_external_users)]).toEqual([where, true]);
      for (const g of [...(u.included_guests_or_external_users ?? []), ...(u.excluded_guests_or_external_users ?? [])]) {
        expect(g.guest_or_external_user_types.length).toBeGreaterThan(0);
        expect(g.external_tenants.every((t: any) => ["all", "enumerated"].includes(t.membership_kind))).toBe(true);
      }
      if (c.platforms) expect(enumOk([...c.platforms.included_platforms, ...(c.platforms.excluded_platforms ?? [])], ["all", "android", "iOS", "linux", "macOS", "windows", "windowsPhone"])).toBe(true);
      if (c.user_risk_levels) expect(enumOk(c.user_risk_levels, ["low", "medium", "high", "none"])).toBe(true);
      if (c.sign_in_risk_levels) expect(enumOk(c.sign_in_risk_levels, ["low", "medium", "high", "none"])).toBe(true);
      expect([where, !(c.user_risk_levels && c.sign_in_risk_levels)]).toEqual([where, true]);
      if (c.devices) expect(["include", "exclude"]).toContain(c.devices.filter.mode);
      expect([where, !!(p.grant_controls || p.session_controls)]).toEqual([where, true]);
      if (p.grant_controls) {
        const g = p.grant_controls;
        expect(["AND", "OR"]).toContain(g.operator);
        expect([where, !!(g.built_in_controls || g.authentication_strength_policy_id)]).toEqual([where, true]);
        if (g.built_in_controls) expect(enumOk(g.built_in_controls, ["block", "mfa", "approvedApplication", "compliantApplication", "compliantDevice", "domainJoinedDevice", "passwordChange"])).toBe(true);
        if (g.authentication_strength_policy_id) expect(g.authentication_strength_policy_id).toMatch(/^\/policies\/authenticationStrengthPolicies\/[0-9a-f-]{36}$/);
      }
      const s = p.session_controls;
      if (s) {
        expect(!!s.sign_in_frequency).toBe(!!s.sign_in_frequency_period);
        if (s.sign_in_frequency_period) expect(["hours", "days"]).toContain(s.sign_in_frequency_period);
        if (s.sign_in_frequency_interval === "everyTime") expect(s.sign_in_frequency).toBeUndefined();
        if (s.persistent_browser_mode) expect(["always", "never"]).toContain(s.persistent_browser_mode);
      }
    }
  });

  test("a tenant file without conditionalAccess gets every policy report-only", () => {
    const raw = kraainemRaw();
    delete raw.conditionalAccess;
    const states = policiesOf(synthJson(buildStacks(tenantFrom(raw)).conditionalAccess)).map((p) => p.state);
    expect(states).toHaveLength(13); // the baseline, the Awingu policy and CA015
    expect(new Set(states)).toEqual(new Set(["enabledForReportingButNotEnforced"]));
  });

  test("riskPolicies (P2) blocks high user risk (CA016, SCuBA MS.AAD.2.1) and high sign-in risk (CA013), in separate policies", () => {
    const ps = policiesOf(synthJson(buildStacks(withConditionalAccess({ riskPolicies: true })).conditionalAccess));
    const ids = ps.map((p) => p.display_name.split(" ")[0]);
    expect(ids).toEqual(expect.arrayContaining(["CA013", "CA016"]));
    expect(ids).not.toContain("CA012");
    const ca016 = ps.find((p) => p.display_name.startsWith("CA016"));
    expect(ca016.conditions.user_risk_levels).toEqual(["high"]);
    expect(ca016.conditions.sign_in_risk_levels).toBeUndefined();
    expect(ca016.grant_controls).toEqual({ operator: "OR", built_in_controls: ["block"] });
  });

  test("a stated deviation (highUserRisk: passwordChange with a reason) gives CA012's secure password change instead, and needs the reason", () => {
    const reason = "gebruikers herstellen zelf na MFA; de helpdesk is niet altijd bereikbaar";
    const raw = kraainemRaw();
    raw.conditionalAccess = { ...(raw.conditionalAccess as object), riskPolicies: true, highUserRisk: { action: "passwordChange" } };
    const bad = TenantSchema.safeParse(raw);
    expect(bad.error?.issues).toContainEqual(expect.objectContaining({ path: ["conditionalAccess", "highUserRisk", "reason"], message: expect.stringContaining("requires a reason") }));
    const ps = policiesOf(synthJson(buildStacks(withConditionalAccess({ riskPolicies: true, highUserRisk: { action: "passwordChange", reason } })).conditionalAccess));
    const ids = ps.map((p) => p.display_name.split(" ")[0]);
    expect(ids).not.toContain("CA016");
    const ca012 = ps.find((p) => p.display_name.startsWith("CA012"));
    const ca013 = ps.find((p) => p.display_name.startsWith("CA013"));
    expect(ca012.conditions.user_risk_levels).toEqual(["high"]);
    expect(ca012.grant_controls).toEqual({ operator: "AND", built_in_controls: ["mfa", "passwordChange"] });
    expect(ca012.session_controls).toEqual({ sign_in_frequency_interval: "everyTime", sign_in_frequency_authentication_type: "primaryAndSecondaryAuthentication" });
    expect(ca013.conditions.sign_in_risk_levels).toEqual(["high"]);
    expect(ca013.grant_controls.built_in_controls).toEqual(["block"]);
    expect([ca012.state, ca013.state]).toEqual(["enabledForReportingButNotEnforced", "enabledForReportingButNotEnforced"]);
  });

  test("extension point: the Awingu policy CA014 exists only when the remote-access stack passes the app's client id", () => {
    const t = kraainem();
    expect(conditionalAccessPolicies(t).map((p) => p.id)).not.toContain("CA014");
    const clientId = "11111111-2222-3333-4444-555555555555";
    const ca014 = conditionalAccessPolicies(t, { awinguClientId: clientId }).find((p) => p.id === "CA014")!;
    expect(ca014.conditions.applications.includeApplications).toEqual([clientId]);
    expect(ca014.grantControls).toEqual({ operator: "OR", builtInControls: ["mfa"] });
    expect(ca014.sessionControls).toEqual({ signInFrequency: { value: 8, type: "hours" } });
    expect(ca014.state).toBe("enabled"); // promoted in the example's tenant file
  });

  test("the example scopes CA014 to the Awingu application the remote-access stack registers", () => {
    const app = Testing.app();
    buildTenant(app, kraainem());
    app.synth();
    const file = path.join(app.outdir, "stacks", "kraainem-conditional-access", "cdk.tf.json");
    const ca014 = policiesOf(JSON.parse(fs.readFileSync(file, "utf8"))).find((p) => p.display_name.startsWith("CA014"));
    expect(ca014.conditions.applications.included_applications).toEqual([
      expect.stringMatching(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-kraainem-remote-access\.outputs\.[^}]+\}$/),
    ]);
    expect(ca014.session_controls).toEqual({ sign_in_frequency: 8, sign_in_frequency_period: "hours", sign_in_frequency_interval: "timeBased" });
  });
});

describe("the break-glass exclusion cannot be removed", () => {
  const spec = (users: PolicyUsers): ConditionalAccessPolicySpec => ({
    id: "CA099",
    displayName: "CA099 Test",
    controls: [],
    state: "enabled",
    conditions: { users, applications: { includeApplications: ["All"] }, clientAppTypes: ["all"] },
    grantControls: { operator: "OR", builtInControls: ["mfa"] },
  });

  test("the spec type has no role or user exclusions", () => {
    // @ts-expect-error excluding roles is not part of the model (tsc fails if it ever becomes one)
    const roles: PolicyUsers = { includeUsers: ["All"], excludeRoles: ["62e90394-69f5-4237-9190-012177145e10"] };
    // @ts-expect-error excluding single users is not part of the model
    const users: PolicyUsers = { includeUsers: ["All"], excludeUsers: ["00000000-0000-0000-0000-000000000001"] };
    expect(() => checkSpec(spec(roles))).toThrow(/excluding roles is not allowed/);
    expect(() => checkSpec(spec(users))).toThrow(/users.excludeUsers is not allowed/);
  });

  test("the construct refuses excluded roles passed around the types, and adds break-glass to its own exclusions", () => {
    const stacks = buildStacks();
    const roles = { includeUsers: ["All"], excludeRoles: ["x"] } as unknown as PolicyUsers;
    const props = { breakGlassGroupObjectId: BREAK_GLASS, groups: stacks.identity.groups };
    expect(() => new ConditionalAccessPolicy(stacks.conditionalAccess, "bad", { ...props, spec: spec(roles) })).toThrow(/excluding roles/);
    const ok = new ConditionalAccessPolicy(stacks.conditionalAccess, "ok", { ...props, spec: spec({ includeUsers: ["All"], excludeGroups: ["mat"] }) });
    expect(ok.excludedGroupObjectIds).toEqual([BREAK_GLASS]);
    const synthesized = policiesOf(synthJson(stacks.conditionalAccess)).find((p) => p.display_name === "CA099 Test");
    expect(synthesized.conditions.users.excluded_groups).toHaveLength(2);
    expect(synthesized.conditions.users.excluded_groups).toContain(BREAK_GLASS);
  });

  test("an override that drops the exclusion, or a raw policy without it, fails synthesis", () => {
    for (const value of [null, undefined]) {
      const { conditionalAccess } = buildTenant(Testing.app(), kraainem());
      const resource = conditionalAccess.node.findChild("CA002").node.findChild("Resource") as RawPolicy;
      resource.addOverride("conditions.users.excluded_groups", value);
      expect(() => Testing.synth(conditionalAccess, true)).toThrow(/CA002.*does not exclude the break-glass group/);
    }

    const other = buildTenant(Testing.app(), kraainem()).conditionalAccess;
    new RawPolicy(other, "sneaky", {
      displayName: "sneaky",
      state: "enabled",
      conditions: { clientAppTypes: ["all"], applications: { includedApplications: ["All"] }, users: { includedUsers: ["All"], excludedRoles: ["x"] } },
      grantControls: { operator: "OR", builtInControls: ["block"] },
    });
    expect(() => Testing.synth(other, true)).toThrow(/sneaky does not exclude the break-glass group/);
    expect(() => Testing.synth(other, true)).toThrow(/sneaky excludes roles/);
  });

  test("the untouched example passes the same check at synth", () => {
    expect(() => Testing.synth(buildStacks().conditionalAccess, true)).not.toThrow();
  });
});

describe("construct checks (azuread and Entra rules, before apply)", () => {
  const base: ConditionalAccessPolicySpec = {
    id: "CA099",
    displayName: "CA099 Test",
    controls: [],
    state: "enabled",
    conditions: { users: { includeUsers: ["All"] }, applications: { includeApplications: ["All"] }, clientAppTypes: ["all"] },
    grantControls: { operator: "OR", builtInControls: ["mfa"] },
  };
  const bad = (patch: any) => () => checkSpec({ ...base, ...patch, conditions: { ...base.conditions, ...patch.conditions } });

  test.each([
    ["apps and user actions together", { conditions: { applications: { includeApplications: ["All"], includeUserActions: ["urn:user:registersecurityinfo"] } } }, /exactly one/],
    ["no apps at all", { conditions: { applications: { includeApplications: [] } } }, /exactly one/],
    ["nobody included", { conditions: { users: { excludeGroups: ["mat"] } } }, /must include someone/],
    ["block with mfa", { grantControls: { operator: "OR", builtInControls: ["block", "mfa"] } }, /block cannot be combined/],
    ["neither grant nor session", { grantControls: undefined, sessionControls: {} }, /grant controls or at least one effective session control/],
    ["password change without MFA AND", { grantControls: { operator: "OR", builtInControls: ["passwordChange"] } }, /passwordChange requires mfa with operator AND/],
    ["both risks in one policy", { conditions: { userRiskLevels: ["high"], signInRiskLevels: ["high"] } }, /separate policies/],
    ["24 hours", { sessionControls: { signInFrequency: { value: 24, type: "hours" } } }, /1..23 hours/],
    ["unnumbered name", { displayName: "Test" }, /must start with its id/],
    [
      "no persistent browser on a single app",
      { conditions: { applications: { includeApplications: ["11111111-2222-3333-4444-555555555555"] } }, sessionControls: { persistentBrowser: "never" } },
      /persistentBrowser works only on policies for all cloud apps/,
    ],
  ])("%s is refused", (_name, patch, message) => {
    expect(bad(patch)).toThrow(message);
  });

  test("unknown group keys and missing named locations name what exists", () => {
    const stacks = buildStacks();
    const props = { breakGlassGroupObjectId: BREAK_GLASS, groups: stacks.identity.groups };
    expect(() => new ConditionalAccessPolicy(stacks.conditionalAccess, "g", { ...props, spec: { ...base, conditions: { ...base.conditions, users: { includeGroups: ["nope"] } } } })).toThrow(
      /unknown group "nope"; allowed: gemeenteraad/,
    );
    expect(() =>
      new ConditionalAccessPolicy(stacks.conditionalAccess, "l", {
        ...props,
        spec: { ...base, conditions: { ...base.conditions, locations: { includeLocations: ["trustedOffice"] } } },
      }),
    ).toThrow(/named location "trustedOffice" does not exist in this tenant; allowed: All, AllTrusted$/);
  });

  test("a tenant without trusted IP ranges gets CA008 without the trusted office location", () => {
    const raw = kraainemRaw();
    raw.trustedIpRanges = [];
    const ca008 = policiesOf(synthJson(buildStacks(tenantFrom(raw)).conditionalAccess)).find((p) => p.display_name.startsWith("CA008"));
    expect(ca008.conditions.locations.excluded_locations).toHaveLength(1);
  });
});

function withConditionalAccess(patch: Record<string, unknown>) {
  const raw = kraainemRaw();
  raw.conditionalAccess = { ...(raw.conditionalAccess as object), ...patch };
  return tenantFrom(raw);
}
