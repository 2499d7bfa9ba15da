import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { App, Testing } from "cdktf";
import { compareTeamsPolicies, readTeamsDocument } from "../constructs/teams/compare";
import { findTeamsDocument } from "../stacks/synthesized";
import { canonicalJson, groupIdVariable, TEAMS_DOCUMENT_FILE } from "../constructs/teams/document";
import { APPLY_SCRIPT, TeamsPolicies } from "../constructs/teams/teams-policies";
import { globalMeetingPolicy } from "../policies/teams/meeting-policies";
import { teamsGroupAssignments, teamsPolicies } from "../policies/teams/teams-policies";
import { buildTenant } from "../stacks/tenant";
import { Tenant } from "../tenants/schema";
import { buildStacks, kraainem, kraainemRaw, resourcesOf, StackJson, synthJson, tempDir, tenantFrom } from "./helpers";

type Json = Record<string, any>;

function collaboration(tenant: Tenant = kraainem()): StackJson {
  return synthJson(buildStacks(tenant).collaboration);
}

function terraformData(json: StackJson): Json {
  const all = resourcesOf(json, "terraform_data");
  expect(all).toHaveLength(1);
  return all[0] as Json;
}

function settingValues(json: StackJson): Record<string, string> {
  const settings = resourcesOf(json, "msgraph_resource").find((r) => r.url === "groupSettings") as Json;
  return Object.fromEntries(settings.body.values.map((v: { name: string; value: string }) => [v.name, v.value]));
}

/** The tenant file with one change, validated again. */
function withRaw(change: (raw: Json) => void): Tenant {
  const raw = kraainemRaw() as Json;
  change(raw);
  return tenantFrom(raw);
}

let json: StackJson;
beforeAll(() => {
  json = collaboration();
});

describe("collaboration stack: Microsoft 365 group governance", () => {
  test("Group.Unified: nobody but the approved creators group creates groups or Teams; guests never own a group", () => {
    const settings = resourcesOf(json, "msgraph_resource").find((r) => r.url === "groupSettings") as Json;
    expect(settings.body.templateId).toBe("62375ab9-6b52-47ed-826b-58e47e0e304b");
    expect(settings.lifecycle).toEqual({ prevent_destroy: true });
    const values = settingValues(json);
    expect(values).toMatchObject({
      EnableGroupCreation: "false",
      AllowGuestsToBeGroupOwner: "false",
      AllowGuestsToAccessGroups: "true",
      AllowToAddGuests: "true",
      PrefixSuffixNamingRequirement: "GRP-[GroupName]",
      UsageGuidelinesUrl: "https://intranet.kraainem.be/afspraken-teams",
    });
    // a reference to the identity stack's teams-makers group, not a copy of it
    expect(values.GroupCreationAllowedGroupId).toMatch(/^\$\{.*group-teams-makers.*object_id\}$/);
    expect(resourcesOf(json, "azuread_group").map((g) => g.display_name)).not.toContain("GRP-Teams-Aanmakers");
  });

  test("every Group.Unified value is a string, as Graph stores them", () => {
    for (const v of Object.values(settingValues(json))) expect(typeof v).toBe("string");
  });

  test("secure defaults without a teams section: admins only, no guests, no naming policy", () => {
    const values = settingValues(collaboration(withRaw((raw) => delete raw.teams)));
    expect(values).toMatchObject({
      EnableGroupCreation: "false",
      GroupCreationAllowedGroupId: "",
      AllowGuestsToAccessGroups: "false",
      AllowToAddGuests: "false",
      AllowGuestsToBeGroupOwner: "false",
    });
  });

  test("an existing Group.Unified setting and lifecycle policy are imported, not created twice", () => {
    expect((json as Json).import).toBeUndefined();
    const adopted = withRaw((raw) => {
      raw.teams.groupCreation.adoptExistingSettingId = "00000000-0000-0000-0000-0000000000e1";
      raw.teams.expiration.adoptExistingPolicyId = "00000000-0000-0000-0000-0000000000e2";
    });
    expect((collaboration(adopted) as Json).import).toEqual([
      { id: "/groupSettings/00000000-0000-0000-0000-0000000000e1", to: "msgraph_resource.group-unified-settings" },
      { id: "/groupLifecyclePolicies/00000000-0000-0000-0000-0000000000e2", to: "msgraph_resource.group-lifecycle-policy" },
    ]);
  });

  test("expiration policy: lifetime, managed groups and renewal notification addresses from the tenant file", () => {
    const policy = resourcesOf(json, "msgraph_resource").find((r) => r.url === "groupLifecyclePolicies") as Json;
    expect(policy.body).toEqual({ groupLifetimeInDays: 365, managedGroupTypes: "All", alternateNotificationEmails: "ict@kraainem.be" });
    expect(policy.lifecycle).toEqual({ prevent_destroy: true });
    expect(resourcesOf(json, "msgraph_resource_action")).toHaveLength(0);
  });

  test("expiration for selected Teams adds exactly those groups to the policy", () => {
    const selected = collaboration(
      withRaw((raw) => {
        raw.teams.expiration.managedGroupTypes = "Selected";
        raw.teams.expiration.teams = ["personeel"];
        raw.teams.expiration.notificationEmails = ["ict@kraainem.be", "secretariaat@kraainem.be"];
      }),
    );
    const policy = resourcesOf(selected, "msgraph_resource").find((r) => r.url === "groupLifecyclePolicies") as Json;
    expect(policy.body.alternateNotificationEmails).toBe("ict@kraainem.be;secretariaat@kraainem.be");
    const actions = resourcesOf(selected, "msgraph_resource_action") as Json[];
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ action: "addGroup", method: "POST", resource_url: "groupLifecyclePolicies/${msgraph_resource.group-lifecycle-policy.id}" });
    expect(actions[0].body.groupId).toMatch(/^\$\{azuread_group\.team-personeel_[A-Z0-9]+\.object_id\}$/);
  });

  test("Teams: private Microsoft 365 groups provisioned as Teams, owners from the tenant file, protected against destroy", () => {
    const t = kraainem();
    const groups = resourcesOf(json, "azuread_group") as Json[];
    expect(groups.map((g) => g.display_name).sort()).toEqual(Object.values(t.teams.teams).map((x) => x.displayName).sort());
    for (const g of groups) {
      expect(g).toMatchObject({ types: expect.arrayContaining(["Unified"]), provisioning_options: ["Team"], visibility: "Private", mail_enabled: true });
      expect(g.lifecycle).toEqual({ prevent_destroy: true });
    }
    const council = groups.find((g) => g.display_name === t.teams.teams.gemeenteraad.displayName)!;
    expect(council.owners).toEqual(t.teams.teams.gemeenteraad.owners);
    const staff = groups.find((g) => g.display_name === t.teams.teams.personeel.displayName)!;
    expect(staff.dynamic_membership).toEqual({ enabled: true, rule: t.teams.teams.personeel.dynamicRule });
  });
});

describe("collaboration stack: applying Teams policies", () => {
  test("terraform_data re-runs the apply script with pwsh, triggered by the document's SHA-256", () => {
    const stacks = buildStacks();
    const teams = stacks.collaboration.teamsPolicies;
    const data = terraformData(synthJson(stacks.collaboration));
    expect(data.triggers_replace.teams_policies_sha256).toBe(createHash("sha256").update(canonicalJson(teams.document)).digest("hex"));
    expect(data.triggers_replace.teams_policies_sha256).toBe(teams.sha256);
    const [provisioner] = data.provisioner;
    expect(Object.keys(provisioner)).toEqual(["local-exec"]);
    const exec = provisioner["local-exec"];
    expect(exec.interpreter).toEqual(["pwsh", "-NoProfile", "-NonInteractive", "-File"]);
    expect(exec.command).toMatch(/^assets\/[^/]+\/[0-9A-F]+\/Apply-TeamsPolicies\.ps1$/);
    expect(exec.environment.werkplek_teams_policies).toMatch(new RegExp(`^assets/[^/]+/[0-9A-F]+/${TEAMS_DOCUMENT_FILE}$`));
    expect(exec.environment.werkplek_tenant_id).toBe(kraainem().tenantId);
  });

  test("group object ids reach the script through the environment under the names the document gives, never in the document", () => {
    const stacks = buildStacks();
    const { document } = stacks.collaboration.teamsPolicies;
    const exec = terraformData(synthJson(stacks.collaboration)).provisioner[0]["local-exec"];
    const variables = [...new Set(document.groupAssignments.map((a) => a.groupIdVariable))].sort();
    expect(variables).toEqual(["werkplek_group_gemeenteraad", "werkplek_group_secretariaat"]);
    for (const v of variables) {
      expect(v).toBe(v.toLowerCase()); // survives cdktf's snake_casing of provisioner keys in any version
      expect(exec.environment[v]).toMatch(/^\$\{.*object_id\}$/);
    }
    expect(JSON.stringify(document)).not.toMatch(/\$\{|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(groupIdVariable("teams-makers")).toBe("werkplek_group_teams_makers");
  });

  test("no credential in the synthesized stack or the document", () => {
    const stacks = buildStacks();
    const text = Testing.synth(stacks.collaboration) + canonicalJson(stacks.collaboration.teamsPolicies.document);
    // ("secretariaat", the council secretariat, is not a credential)
    expect(text.replace(/secretariaat/g, "")).not.toMatch(/secret|password|token|thumbprint|BEGIN CERTIFICATE|client_id/i);
  });

  test("synth writes teams-policies.json and the apply script next to the stack's cdk.tf.json", () => {
    const outdir = tempDir();
    try {
      const app = new App({ outdir, skipValidation: true });
      buildTenant(app, kraainem());
      app.synth();
      const stackDir = path.join(outdir, "stacks", "kraainem-collaboration");
      const exec = terraformData(JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"))).provisioner[0]["local-exec"];
      const documentText = fs.readFileSync(path.join(stackDir, exec.environment.werkplek_teams_policies), "utf8");
      expect(createHash("sha256").update(documentText).digest("hex")).toBe(
        terraformData(JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"))).triggers_replace.teams_policies_sha256,
      );
      expect(JSON.parse(documentText).policies.length).toBeGreaterThan(10);
      expect(fs.readFileSync(path.join(stackDir, exec.command), "utf8")).toBe(fs.readFileSync(APPLY_SCRIPT, "utf8"));
      // the drift command finds the same document from the stack folder
      expect(compareTeamsPolicies(readTeamsDocument(findTeamsDocument(stackDir)), JSON.parse(documentText))).toEqual([]);
      expect(fs.readFileSync(findTeamsDocument(stackDir), "utf8")).toBe(documentText);
      expect(() => findTeamsDocument(path.join(outdir, "stacks", "kraainem-identity"))).toThrow(/no Teams policy document/);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("synthesis is deterministic", () => {
    expect(Testing.synth(buildStacks().collaboration)).toBe(Testing.synth(buildStacks().collaboration));
  });
});

describe("the apply trigger changes when, and only when, a Teams setting changes", () => {
  const trigger = (tenant: Tenant) => terraformData(collaboration(tenant)).triggers_replace;
  let base: Json;
  beforeAll(() => {
    base = trigger(kraainem());
  });

  test.each<[string, (raw: Json) => void]>([
    ["tags", (raw) => (raw.tags.costCenter = "ICT-2")],
    ["allowed countries", (raw) => raw.allowedCountries.push("NL")],
    ["a group's description", (raw) => (raw.groups.gemeenteraad.description = "Raadsleden")],
    ["licences of a group", (raw) => (raw.groups.mat.licences = ["SPB"])],
    ["the Group.Unified naming policy (Graph, not PowerShell)", (raw) => (raw.teams.groupCreation.namingPolicy = "TEAM-[GroupName]")],
    ["a Team's owners", (raw) => raw.teams.teams.managementteam.owners.push("00000000-0000-0000-0000-0000000000d9")],
    ["the order of the allowed domains", (raw) => raw.teams.externalAccess.allowedDomains.reverse()],
  ])("unchanged by %s", (_, change) => {
    expect(trigger(withRaw(change))).toEqual(base);
  });

  test.each<[string, (raw: Json) => void]>([
    ["a federated domain", (raw) => raw.teams.externalAccess.allowedDomains.push("sint-stevens-woluwe.be")],
    ["guest access (Teams client configuration)", (raw) => (raw.teams.guests.allowed = false)],
    ["an allowed third-party app", (raw) => raw.teams.apps.allowedThirdPartyApps.push("0d820ecd-def2-4297-adad-78056cde7c78")],
    ["the rank of a council group", (raw) => raw.teams.councilMeetings.groups.reverse()],
  ])("changed by %s in the tenant file", (_, change) => {
    expect(trigger(withRaw(change)).teams_policies_sha256).not.toBe(base.teams_policies_sha256);
  });

  test("changed by one policy parameter in code, and by nothing else in that build", () => {
    const build = (meeting: typeof globalMeetingPolicy) => {
      const app = Testing.app();
      const stacks = buildTenant(app, kraainem());
      const t = kraainem();
      const policies = teamsPolicies(t).map((p) => (p === globalMeetingPolicy ? meeting : p));
      return new TeamsPolicies(stacks.collaboration, "teams-policies-test", {
        tenantId: t.tenantId,
        policies,
        assignments: teamsGroupAssignments(t),
        groupObjectIds: Object.fromEntries(Object.keys(t.groups).map((k) => [k, `id-${k}`])),
      }).sha256;
    };
    const same = build(globalMeetingPolicy);
    expect(build({ ...globalMeetingPolicy, parameters: { ...globalMeetingPolicy.parameters } })).toBe(same);
    expect(build({ ...globalMeetingPolicy, parameters: { ...globalMeetingPolicy.parameters, AllowTranscription: false } })).not.toBe(same);
  });
});
