/**
 * Contract test (issue 12): every Microsoft Graph request the example tenant synthesizes
 * (msgraph_resource, msgraph_update_resource, msgraph_resource_action, msgraph_resource_collection
 * and data msgraph_resource) is checked against Microsoft's published Graph metadata
 * (microsoftgraph/msgraph-metadata, pruned into test/contract/graph/, see SOURCE.md there), not
 * against our own expectations. The checker is test/contract/csdl.ts.
 *
 * A payload that breaks the contract fails here with the resource address, the JSON path, the
 * wrong value and what Graph allows. The ones we know of and have not fixed yet are listed in
 * KNOWN_VIOLATIONS, with Microsoft's evidence; each of them must still occur, so that fixing a
 * payload also removes its entry.
 */
import * as fs from "fs";
import * as path from "path";
import { exampleGraphRequests } from "./example-requests";
import { checkRequest, formatViolation, loadMetadata, type GraphMetadata, type Rule, type Violation } from "./csdl";
import { type GraphApiVersion, type GraphOperation, type GraphRequest } from "./requests";

interface KnownViolation {
  /** `<stack> <terraform type>.<name>` */
  readonly address: string;
  /** JSON path into the body, or `url[n]` */
  readonly path: string;
  readonly rule: Rule;
  /** what Microsoft publishes, and what to do about it */
  readonly reason: string;
}

/**
 * The contract violations today's payloads are known to have. Each must still occur: when a
 * payload is fixed, its entry goes too. Add an entry only with Microsoft's evidence.
 */
const KNOWN_VIOLATIONS: readonly KnownViolation[] = [
  {
    address: "kraainem-identity msgraph_update_resource.authentication-method-fido2",
    path: "body.passkeyProfiles",
    rule: "navigation",
    reason:
      "v1.0 fido2AuthenticationMethodConfiguration declares <NavigationProperty Name=\"passkeyProfiles\" " +
      "Type=\"Collection(graph.passkeyProfile)\"> without ContainsTarget, and no entity set holds passkeyProfile; OData 4.0 " +
      "(§11.4.3) does not let an update carry related entities inline. Graph's own v1.0 update example PATCHes them inline, " +
      "so the metadata and the documentation disagree: on the verify-on-a-test-tenant list.",
  },
  {
    address: "kraainem-collaboration msgraph_resource.group-unified-settings",
    path: "body.templateId",
    rule: "read-only",
    reason:
      "v1.0 groupSetting/templateId is described 'Unique identifier for the tenant-level groupSettingTemplates object ... " +
      "Read-only.' (no Computed/Permissions annotation). Graph's 'Create settings' reference sends templateId on POST, so this " +
      "is read-only after creation at most: on the verify-on-a-test-tenant list, not a payload to change blindly.",
  },
  ...["consent-policy-settings", "password-rule-settings"].map((name) => ({
    address: `kraainem-identity msgraph_resource.${name}`,
    path: "body.templateId",
    rule: "read-only" as const,
    reason:
      "beta directorySetting/templateId is described 'Unique identifier for the template used to create this group of settings. " +
      "Read-only.' (no Computed/Permissions annotation, none in the beta file's external <Annotations> either). The metadata's own " +
      "InsertRestrictions on GraphService/settings links to 'Create settings' (beta api/group-post-settings.md), whose example POSTs " +
      "/beta/settings with templateId, and without it no template could be named: read-only after creation at most. On the " +
      "verify-on-a-test-tenant list with the group-unified-settings entry above.",
  })),
];

const key = (v: { address: string; path: string; rule: string }) => `${v.address} | ${v.path} | ${v.rule}`;

// ---------------------------------------------------------------------------------------------

let requests: GraphRequest[];
let metadata: Record<GraphApiVersion, GraphMetadata>;
let actual: Violation[];

beforeAll(() => {
  // the example tenant's requests, and those of the optional features it leaves off (Remote Help)
  requests = exampleGraphRequests();
  metadata = { "v1.0": loadMetadata("v1.0"), beta: loadMetadata("beta") };
  actual = requests.flatMap((r) => checkRequest(metadata[r.apiVersion], r));
});

describe("every Graph request of the example tenant meets Graph's published metadata", () => {
  test("the example tenant sends Graph requests in both API versions, with bodies (so the check below checks something)", () => {
    expect(requests.filter((r) => r.apiVersion === "v1.0").length).toBeGreaterThan(5);
    expect(requests.filter((r) => r.apiVersion === "beta").length).toBeGreaterThan(5);
    expect(new Set(requests.map((r) => r.operation))).toEqual(new Set<GraphOperation>(["create", "update", "action", "read"]));
    expect(requests.filter((r) => r.body !== undefined).length).toBeGreaterThan(20);
  });

  test("no contract violations beyond KNOWN_VIOLATIONS", () => {
    const known = new Set(KNOWN_VIOLATIONS.map(key));
    const unexpected = actual.filter((v) => !known.has(key(v))).map(formatViolation);
    expect(unexpected).toEqual([]);
  });

  test("every KNOWN_VIOLATIONS entry still occurs (remove the entry once the payload is fixed)", () => {
    const occurring = new Set(actual.map(key));
    const stale = KNOWN_VIOLATIONS.filter((k) => !occurring.has(key(k))).map(key);
    expect(stale).toEqual([]);
  });

  test("KNOWN_VIOLATIONS lists each violation once and gives Microsoft's evidence", () => {
    expect(new Set(KNOWN_VIOLATIONS.map(key)).size).toBe(KNOWN_VIOLATIONS.length);
    for (const k of KNOWN_VIOLATIONS) expect(k.reason.length).toBeGreaterThan(80);
  });

  test("the fixtures are Microsoft's metadata, from the commits SOURCE.md names", () => {
    const source = fs.readFileSync(path.join(__dirname, "graph", "SOURCE.md"), "utf8");
    for (const md of Object.values(metadata)) {
      const s = md.source as Record<string, string>;
      expect(s.repository).toBe("microsoftgraph/msgraph-metadata");
      expect(source).toContain(s.commit);
      expect(source).toContain(s.path);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// the checker refuses what Graph refuses: one deliberate mistake at a time, each against a body
// that passes as written (so each test fails for the reason it names, not another one)

function request(apiVersion: GraphApiVersion, operation: GraphOperation, method: string, url: string, body?: unknown): GraphRequest {
  return { address: "test msgraph_resource.negative", apiVersion, operation, method, url, urlAttribute: "url", body };
}

function check(r: GraphRequest): Violation[] {
  return checkRequest(loadMetadata(r.apiVersion), r);
}

const AUTOPILOT = "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile";
const autopilot = (extra: Record<string, unknown> = {}) =>
  request("beta", "create", "POST", "deviceManagement/windowsAutopilotDeploymentProfiles", {
    "@odata.type": AUTOPILOT,
    displayName: "KRA - Windows - Autopilot",
    description: "test",
    deviceNameTemplate: "KRA-%RAND:6%",
    deviceType: "windowsPc",
    ...extra,
  });

describe("the checker refuses deliberately wrong requests", () => {
  test("the baseline body passes (the cases below each add one mistake)", () => {
    expect(check(autopilot()).map(formatViolation)).toEqual([]);
  });

  test("a misspelt @odata.type, naming the type that was meant", () => {
    const vs = check(autopilot({ "@odata.type": "#microsoft.graph.azureADWindowsAutopilotDeploymentProfil" }));
    expect(vs).toEqual([expect.objectContaining({ rule: "type", path: 'body["@odata.type"]' })]);
    expect(formatViolation(vs[0])).toContain(`"${AUTOPILOT}"`);
    expect(formatViolation(vs[0])).toContain("test msgraph_resource.negative");
  });

  test("an @odata.type that does not derive from the collection's type", () => {
    const vs = check(autopilot({ "@odata.type": "#microsoft.graph.windows10GeneralConfiguration" }));
    expect(vs).toEqual([expect.objectContaining({ rule: "type", path: 'body["@odata.type"]' })]);
    expect(vs[0].message).toContain("does not derive from windowsAutopilotDeploymentProfile");
  });

  test("an abstract type without @odata.type", () => {
    const vs = check(request("beta", "create", "POST", "deviceManagement/deviceConfigurations", { displayName: "x" }));
    expect(vs).toEqual([expect.objectContaining({ rule: "type", path: "body" })]);
    expect(vs[0].message).toContain("#microsoft.graph.windows10GeneralConfiguration");
  });

  test("a property the type does not have, naming the nearest ones", () => {
    const vs = check(autopilot({ deviceNameTemplte: "KRA-%SERIAL%" }));
    expect(vs).toEqual([expect.objectContaining({ rule: "property", path: "body.deviceNameTemplte" })]);
    expect(vs[0].message).toContain('"deviceNameTemplate"');
  });

  test("an enum value that is not a member, listing the members", () => {
    const vs = check(autopilot({ deviceType: "windowsPC" }));
    expect(vs).toEqual([expect.objectContaining({ rule: "enum", path: "body.deviceType" })]);
    expect(vs[0].message).toContain('"windowsPc", "holoLens"');
  });

  test("a flags enum takes comma-separated members, and refuses an unknown one", () => {
    const policy = (platforms: string) => request("beta", "create", "POST", "deviceManagement/configurationPolicies", { name: "x", platforms });
    expect(check(policy("windows10,macOS"))).toEqual([]);
    const vs = check(policy("windows10,windows11"));
    expect(vs).toEqual([expect.objectContaining({ rule: "enum", path: "body.platforms" })]);
    expect(vs[0].message).toContain('"windows11" is not a member of deviceManagementConfigurationPlatforms (a flags enum');
  });

  test("a read-only property (Microsoft's description says Read-Only)", () => {
    const vs = check(autopilot({ createdDateTime: "2026-01-01T00:00:00Z" }));
    expect(vs).toEqual([expect.objectContaining({ rule: "read-only", path: "body.createdDateTime" })]);
    expect(vs[0].message).toContain("Read-Only");
  });

  test("a deprecated, read-only property (autopilot `language`, replaced by `locale` since May 2024)", () => {
    const vs = check(autopilot({ language: "nl-BE" }));
    expect(vs.map((v) => `${v.path} ${v.rule}`).sort()).toEqual(["body.language deprecated", "body.language read-only"]);
    expect(vs.find((v) => v.rule === "deprecated")!.message).toContain("Starting from May 2024 this property will no longer be supported");
  });

  test("a deprecated property (Org.OData.Core.V1.Revisions Kind=Deprecated)", () => {
    const url = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Fido2";
    const fido2 = (extra: Record<string, unknown>) => request("v1.0", "update", "PATCH", url, { "@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration", state: "enabled", ...extra });
    expect(check(fido2({}))).toEqual([]);
    const vs = check(fido2({ isAttestationEnforced: true }));
    expect(vs).toEqual([expect.objectContaining({ rule: "deprecated", path: "body.isAttestationEnforced" })]);
    expect(vs[0].message).toContain("Org.OData.Core.V1.Revisions Deprecated (since 2025-10-15, removal 2027-10-15)");
  });

  test("a URL segment that does not exist, naming the nearest", () => {
    const vs = check(request("beta", "create", "POST", "deviceManagement/deviceConfiguratons", { "@odata.type": "#microsoft.graph.windows10GeneralConfiguration" }));
    expect(vs).toEqual([expect.objectContaining({ rule: "url", path: "url[1]" })]);
    expect(vs[0].message).toContain('"deviceConfigurations"');
  });

  test("a first segment that is neither an entity set nor a singleton", () => {
    const vs = check(request("beta", "read", "GET", "deviceManagment/deviceConfigurations"));
    expect(vs).toEqual([expect.objectContaining({ rule: "url", path: "url[0]" })]);
    expect(vs[0].message).toContain('"deviceManagement"');
  });

  test("an action that is not bound to the addressed type", () => {
    const ok = request("beta", "action", "POST", "deviceManagement/deviceConfigurations/{id}/assign", { assignments: [] });
    expect(check(ok)).toEqual([]);
    const vs = check({ ...ok, url: "deviceManagement/deviceConfigurations/{id}/assignLicense" });
    expect(vs).toEqual([expect.objectContaining({ rule: "url", path: "url[3]" })]);
  });

  test("a parameter the action does not take", () => {
    const vs = check(request("beta", "action", "POST", "deviceManagement/deviceConfigurations/{id}/assign", { assignment: [] }));
    expect(vs).toEqual([expect.objectContaining({ rule: "property", path: "body.assignment" })]);
    expect(vs[0].message).toContain('"assignments"');
  });

  test("a dotted key on a collection (a domain name) is a key; a misspelt cast there is still refused", () => {
    const domain = (url: string) => check(request("v1.0", "update", "PATCH", url, { passwordValidityPeriodInDays: 90 }));
    expect(domain("domains/contoso.com")).toEqual([]);
    const vs = domain("domains/microsoft.graph.domian");
    expect(vs).toEqual([expect.objectContaining({ rule: "url", path: "url[1]" })]);
    expect(vs[0].message).toContain('"microsoft.graph.domain"');
    // on a single entity a dotted segment can only be a cast
    expect(check(request("v1.0", "update", "PATCH", "domains/contoso.com/contoso.com", {}))).toEqual([expect.objectContaining({ rule: "url", path: "url[2]" })]);
  });

  test("a key after a single entity", () => {
    const vs = check(request("beta", "update", "PATCH", "deviceManagement/{id}", { managedDeviceCleanupSettings: null }));
    expect(vs).toEqual([expect.objectContaining({ rule: "url", path: "url[1]" })]);
  });

  test("a value of the wrong JSON type", () => {
    const vs = check(autopilot({ displayName: 42 }));
    expect(vs).toEqual([expect.objectContaining({ rule: "value", path: "body.displayName" })]);
  });

  test("a navigation property to entities elsewhere written inline; @odata.bind is the way", () => {
    const url = "groups/${azuread_group.x.object_id}";
    const inline = check(request("v1.0", "update", "PATCH", url, { members: [{ id: "x" }] }));
    expect(inline).toContainEqual(expect.objectContaining({ rule: "navigation", path: "body.members" }));
    expect(check(request("v1.0", "update", "PATCH", url, { "members@odata.bind": ["https://graph.microsoft.com/v1.0/directoryObjects/x"] }))).toEqual([]);
    expect(check(request("v1.0", "update", "PATCH", url, { "description@odata.bind": "x" }))).toEqual([
      expect.objectContaining({ rule: "navigation", path: 'body["description@odata.bind"]' }),
    ]);
  });

  test("Remote Help: the settings singleton takes its enum and booleans, and refuses a wrong value (issue 18)", () => {
    const settings = (body: Record<string, unknown>) => request("beta", "update", "PATCH", "deviceManagement/remoteAssistanceSettings", body);
    expect(check(settings({ remoteAssistanceState: "enabled", allowSessionsToUnenrolledDevices: false, blockChat: false }))).toEqual([]);
    expect(check(settings({ remoteAssistanceState: "on" }))).toEqual([expect.objectContaining({ rule: "enum", path: "body.remoteAssistanceState" })]);
    expect(check(settings({ blockChat: "no" }))).toEqual([expect.objectContaining({ rule: "value", path: "body.blockChat" })]);
    expect(check(settings({ allowSessionsToUnenrolledDevice: true }))).toEqual([expect.objectContaining({ rule: "property", path: "body.allowSessionsToUnenrolledDevice" })]);
  });

  test("Remote Help: an Intune role's deprecated rolePermission.actions is refused, resourceActions taken (issue 18)", () => {
    const role = (permission: Record<string, unknown>) =>
      request("beta", "create", "POST", "deviceManagement/roleDefinitions", { "@odata.type": "#microsoft.graph.deviceAndAppManagementRoleDefinition", displayName: "x", rolePermissions: [permission] });
    expect(check(role({ resourceActions: [{ allowedResourceActions: ["Microsoft.Intune_RemoteAssistanceApp_ViewScreen"] }] }))).toEqual([]);
    const vs = check(role({ actions: ["Microsoft.Intune_RemoteAssistanceApp_ViewScreen"] }));
    expect(vs).toEqual([expect.objectContaining({ rule: "deprecated", path: "body.rolePermissions[0].actions" })]);
    const bind = check(request("beta", "create", "POST", "deviceManagement/roleAssignments", { "@odata.type": "#microsoft.graph.deviceAndAppManagementRoleAssignment", "roleDefinitions@odata.bind": "x" }));
    expect(bind).toEqual([expect.objectContaining({ rule: "property", path: 'body["roleDefinitions@odata.bind"]' })]);
  });

  test("a property the fixture holds no facts for is refused, not waved through (regenerate the fixture)", () => {
    const vs = check(autopilot({ roleScopeTagIds: ["0"] }));
    expect(vs).toEqual([expect.objectContaining({ rule: "fixture", path: "body.roleScopeTagIds" })]);
  });

  test("a property whose description the hand-made excerpt left out is refused, not waved through", () => {
    const vs = check(request("beta", "create", "POST", "deviceManagement/deviceConfigurations", { "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", passwordRequired: true }));
    expect(vs.map((v) => `${v.path} ${v.rule}`)).toContain("body.passwordRequired fixture");
  });
});

describe("the checker's rules on a small model (for facts today's fixtures have no example of)", () => {
  const md: GraphMetadata = {
    apiVersion: "v1.0",
    container: "microsoft.graph.GraphService",
    entitySets: { things: "microsoft.graph.thing" },
    singletons: {},
    types: {
      "microsoft.graph.thing": {
        kind: "entity",
        key: ["id"],
        properties: {
          id: { type: "Edm.String", nullable: false, facts: { description: "Read-only." } },
          name: { type: "Edm.String", facts: { immutable: true } },
          kind: { type: "Edm.String", facts: { description: "Set when created. This property is immutable and can't be changed later." } },
          size: { type: "Edm.Int32", nullable: false, facts: { computed: true } },
          colour: { type: "Edm.String", facts: { permissions: "Read" } },
        },
        navigation: {},
      },
    },
    enums: {},
    operations: {},
    paths: { "microsoft.graph.GraphService/things": { insertable: false } },
  };
  const thing = (operation: GraphOperation, body: Record<string, unknown>) =>
    checkRequest(md, { address: "test t.x", apiVersion: "v1.0", operation, method: operation === "create" ? "POST" : "PATCH", url: operation === "create" ? "things" : "things/{id}", urlAttribute: "url", body });
  const rules = (vs: Violation[]) => vs.map((v) => `${v.path} ${v.rule}`).sort();

  test("Org.OData.Core.V1.Immutable and an 'immutable' description refuse an update, not a create", () => {
    expect(rules(thing("update", { name: "a", kind: "b" }))).toEqual(["body.kind immutable", "body.name immutable"]);
    expect(rules(thing("create", { name: "a", kind: "b" }))).toEqual(["url[0] url"]); // things is not insertable, below
  });

  test("Computed and Permissions=Read are read-only; a key is read-only at the top of a body", () => {
    expect(rules(thing("update", { size: 1, colour: "red", id: "x" }))).toEqual(["body.colour read-only", "body.id read-only", "body.size read-only"]);
  });

  test("null where the metadata says Nullable=false", () => {
    expect(rules(thing("update", { size: null }))).toEqual(["body.size read-only", "body.size value"]);
  });

  test("InsertRestrictions Insertable=false on the path refuses a create", () => {
    expect(thing("create", {})).toEqual([expect.objectContaining({ rule: "url", path: "url[0]" })]);
  });
});
