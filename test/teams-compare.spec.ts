import * as fs from "fs";
import * as path from "path";
import { compareTeamsPolicies, parseTeamsDocument, readTeamsDocument, TeamsDocumentError } from "../constructs/teams/compare";
import { TeamsPoliciesDocument } from "../constructs/teams/document";
import { buildStacks, ROOT, tempDir } from "./helpers";

type Json = Record<string, any>;

let desired: TeamsPoliciesDocument;
beforeAll(() => {
  desired = buildStacks().collaboration.teamsPolicies.document;
});

/** What the export script writes for a tenant that matches: same shape, values read back. */
function exportedFrom(document: TeamsPoliciesDocument, change: (doc: Json) => void = () => undefined): TeamsPoliciesDocument {
  const doc = JSON.parse(JSON.stringify(document)) as Json;
  for (const p of doc.policies) {
    delete p.cmdlets;
    delete p.read;
    delete p.elementTypes;
    delete p.listTypes;
    p.found = true;
  }
  change(doc);
  return parseTeamsDocument(doc, "export.json");
}

const policy = (doc: Json, policyType: string, identity = "Global") =>
  doc.policies.find((p: Json) => p.policyType === policyType && p.identity === identity);

describe("compareTeamsPolicies", () => {
  test("a tenant that matches has no differences", () => {
    expect(compareTeamsPolicies(desired, exportedFrom(desired))).toEqual([]);
  });

  test("an assignment of a werkplek policy to a group the code no longer lists is drift", () => {
    const exported = exportedFrom(desired, (doc) => {
      doc.undeclaredAssignments = [{ policyType: "TeamsMeetingPolicy", groupId: "99999999-0000-0000-0000-000000000001", policyName: "Gemeenteraad-Openbaar", rank: 2 }];
    });
    expect(compareTeamsPolicies(desired, exported)).toEqual([
      { policyType: "TeamsMeetingPolicy", identity: "group-id:99999999-0000-0000-0000-000000000001", parameter: "PolicyName", desired: null, actual: "Gemeenteraad-Openbaar" },
    ]);
  });

  test("both scripts remove or report only assignments of the policies the document owns", () => {
    for (const script of ["scripts/teams/Apply-TeamsPolicies.ps1", "scripts/teams/Export-TeamsPolicies.ps1"]) {
      const text = fs.readFileSync(path.join(ROOT, script), "utf8");
      expect(text).toContain("$owned = @($document.policies | Where-Object { $_.cmdlets.new -and $_.identity -ne 'Global' }");
      expect(text).toContain('$owned -contains "$type|$($current.PolicyName)" -and $declared -notcontains "$type|$($current.GroupId)"');
    }
  });

  test("PowerShell's JSON is read by the parameter's type: True/False strings, choice values in any case, lists as unordered sets", () => {
    const exported = exportedFrom(desired, (doc) => {
      policy(doc, "TeamsMeetingPolicy").parameters.AllowCloudRecording = "False";
      policy(doc, "TeamsMeetingPolicy").parameters.AutoAdmittedUsers = "EVERYONEINCOMPANYEXCLUDINGGUESTS";
      const federation = policy(doc, "TenantFederationConfiguration").parameters;
      federation.AllowedDomainsAsAList = [...federation.AllowedDomainsAsAList].reverse().map((d: string) => d.toUpperCase());
    });
    expect(compareTeamsPolicies(desired, exported)).toEqual([]);
  });

  test("an empty list that PowerShell writes as null is the same empty list", () => {
    const closed = exportedFrom(desired, (doc) => (policy(doc, "TenantFederationConfiguration").parameters.AllowedDomainsAsAList = []));
    const exported = exportedFrom(closed, (doc) => (policy(doc, "TenantFederationConfiguration").parameters.AllowedDomainsAsAList = null));
    expect(compareTeamsPolicies(closed, exported)).toEqual([]);
  });

  test("every changed setting is reported with policy type, identity, parameter, desired and actual value", () => {
    const exported = exportedFrom(desired, (doc) => {
      policy(doc, "TeamsMeetingPolicy").parameters.AllowCloudRecording = true;
      policy(doc, "TeamsClientConfiguration").parameters.AllowEmailIntoChannel = "True";
      policy(doc, "TenantFederationConfiguration").parameters.AllowedDomainsAsAList = "vlaanderen.be";
      doc.groupAssignments[0].rank = 2;
    });
    const federation = policy(desired as Json, "TenantFederationConfiguration").parameters;
    expect(compareTeamsPolicies(desired, exported)).toEqual([
      { policyType: "TeamsMeetingPolicy", identity: "Global", parameter: "AllowCloudRecording", desired: false, actual: true },
      { policyType: "TenantFederationConfiguration", identity: "Global", parameter: "AllowedDomainsAsAList", desired: federation.AllowedDomainsAsAList, actual: "vlaanderen.be" },
      { policyType: "TeamsClientConfiguration", identity: "Global", parameter: "AllowEmailIntoChannel", desired: false, actual: "True" },
      { policyType: "TeamsMeetingPolicy", identity: "group:gemeenteraad", parameter: "Rank", desired: 1, actual: 2 },
    ]);
  });

  test("a policy or group assignment missing from the tenant is reported setting by setting, with actual null", () => {
    const exported = exportedFrom(desired, (doc) => {
      policy(doc, "TeamsEventsPolicy", "Gemeenteraad-Uitzending").found = false;
      doc.policies = doc.policies.filter((p: Json) => p.policyType !== "TeamsMessagingPolicy");
      doc.groupAssignments = doc.groupAssignments.filter((a: Json) => a.policyType !== "TeamsEventsPolicy");
    });
    const differences = compareTeamsPolicies(desired, exported);
    const broadcast = policy(desired as Json, "TeamsEventsPolicy", "Gemeenteraad-Uitzending").parameters;
    expect(differences.filter((d) => d.identity === "Gemeenteraad-Uitzending").map((d) => d.parameter)).toEqual(Object.keys(broadcast).sort());
    expect(differences.filter((d) => d.policyType === "TeamsMessagingPolicy")).toEqual([
      { policyType: "TeamsMessagingPolicy", identity: "Global", parameter: "AllowCommunicationComplianceEndUserReporting", desired: true, actual: null },
      { policyType: "TeamsMessagingPolicy", identity: "Global", parameter: "AllowSecurityEndUserReporting", desired: true, actual: null },
    ]);
    expect(differences.filter((d) => d.identity === "group:secretariaat" && d.policyType === "TeamsEventsPolicy")).toEqual([
      { policyType: "TeamsEventsPolicy", identity: "group:secretariaat", parameter: "PolicyName", desired: "Gemeenteraad-Uitzending", actual: null },
      { policyType: "TeamsEventsPolicy", identity: "group:secretariaat", parameter: "Rank", desired: 1, actual: null },
    ]);
  });

  test("a real export file (UTF-8 BOM, one-element list as a string, policy not found) is read and compared", () => {
    const exported = readTeamsDocument(path.join(ROOT, "test/fixtures/teams/export-drifted.json"));
    const differences = compareTeamsPolicies(desired, exported);
    expect(differences).toEqual(
      expect.arrayContaining([
        { policyType: "TeamsMeetingPolicy", identity: "Global", parameter: "AllowCloudRecording", desired: false, actual: true },
        expect.objectContaining({ policyType: "TenantFederationConfiguration", parameter: "AllowedDomainsAsAList", actual: "vlaanderen.be" }),
        expect.objectContaining({ identity: "Gemeenteraad-Openbaar", parameter: "AllowCloudRecording", desired: true, actual: null }),
        { policyType: "TeamsMeetingPolicy", identity: "group:gemeenteraad", parameter: "Rank", desired: 1, actual: 3 },
      ]),
    );
    expect(differences.find((d) => d.parameter === "AutoAdmittedUsers" && d.identity === "Global")).toBeUndefined();
  });
});

describe("readTeamsDocument: bad input names the file and the field", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each<[string, string, RegExp]>([
    ["not JSON", "{ policies: ", /bad\.json: invalid JSON: /],
    ["a wrong schema version", JSON.stringify({ schemaVersion: 2, policies: [], groupAssignments: [] }), /bad\.json schemaVersion: schemaVersion must be 1/],
    ["a policy without identity", JSON.stringify({ schemaVersion: 1, policies: [{ policyType: "TeamsMeetingPolicy", parameters: {} }] }), /bad\.json policies\.0\.identity: /],
  ])("%s", (_, text, message) => {
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, text);
    expect(() => readTeamsDocument(file)).toThrow(TeamsDocumentError);
    expect(() => readTeamsDocument(file)).toThrow(message);
  });

  test("a missing file", () => {
    expect(() => readTeamsDocument(path.join(dir, "absent.json"))).toThrow(/absent\.json: cannot read: /);
  });

  test("the desired document from synth reads back as itself", () => {
    const file = path.join(dir, "teams-policies.json");
    fs.writeFileSync(file, JSON.stringify(desired));
    expect(compareTeamsPolicies(desired, readTeamsDocument(file))).toEqual([]);
  });
});
