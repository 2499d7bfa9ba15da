import * as fs from "fs";
import * as path from "path";
import { buildTeamsDocument, TeamsDocumentPolicy, TeamsPoliciesDocument } from "../constructs/teams/document";
import { TeamsPolicyError, validateTeamsApps, validateTeamsPolicies } from "../constructs/teams/validate";
import { knownCmdlets, POLICY_TYPES, PolicyTypeSpec } from "../facts/teams-cmdlets";
import { COUNCIL_BROADCAST_POLICY } from "../policies/teams/events-policies";
import { COUNCIL_MEETING_POLICY } from "../policies/teams/meeting-policies";
import { TeamsGroupAssignment, TeamsPolicy } from "../constructs/teams/policy";
import { teamsGroupAssignments, teamsPolicies } from "../policies/teams/teams-policies";
import { buildStacks, kraainem, kraainemRaw, ROOT, tenantFrom } from "./helpers";

let document: TeamsPoliciesDocument;
beforeAll(() => {
  document = buildStacks().collaboration.teamsPolicies.document;
});

function entry(policyType: string, identity = "Global"): TeamsDocumentPolicy {
  const found = document.policies.find((p) => p.policyType === policyType && p.identity === identity);
  if (!found) throw new Error(`no ${policyType} "${identity}" in teams-policies.json`);
  return found;
}

const meetingPolicies = () => document.policies.filter((p) => p.policyType === "TeamsMeetingPolicy");

describe("Teams policies meet the SCuBA Teams baseline (values as applied, from teams-policies.json)", () => {
  test("MS.TEAMS.1.1, 1.2, 1.5 (every meeting policy): no external control, anonymous users never start, dial-in waits", () => {
    expect(meetingPolicies().map((p) => p.identity).sort()).toEqual(["Gemeenteraad-Openbaar", "Global"]);
    for (const p of meetingPolicies()) {
      expect(p.parameters).toMatchObject({
        AllowExternalParticipantGiveRequestControl: false, // 1.1
        AllowAnonymousUsersToStartMeeting: false, //         1.2
        AllowPSTNUsersToBypassLobby: false, //               1.5
      });
    }
  });

  test("MS.TEAMS.1.3, 1.4, 1.6 (Global): only internal users skip the lobby; no cloud recording; chat not for anonymous users", () => {
    const global = entry("TeamsMeetingPolicy").parameters;
    expect(["EveryoneInCompany", "EveryoneInSameAndFederatedCompany", "EveryoneInCompanyExcludingGuests"]).toContain(global.AutoAdmittedUsers);
    expect(global.AutoAdmittedUsers).toBe("EveryoneInCompanyExcludingGuests"); // also CIS 8.5.3
    expect(global.AllowCloudRecording).toBe(false); //                         1.6
    expect(global.MeetingChatEnabledType).toBe("EnabledExceptAnonymous");
    expect(global.AllowAnonymousUsersToJoinMeeting).toBe(false);
  });

  test("council meeting policy: public session recorded and transcribed, anonymous join through the lobby, organizer-only presenters", () => {
    const council = entry("TeamsMeetingPolicy", COUNCIL_MEETING_POLICY).parameters;
    expect(council).toMatchObject({
      AllowCloudRecording: true,
      AllowTranscription: true,
      AllowAnonymousUsersToJoinMeeting: true,
      AutoAdmittedUsers: "EveryoneInCompanyExcludingGuests", // MS.TEAMS.1.3: anonymous users wait in the lobby
      DesignatedPresenterRoleMode: "OrganizerOnlyUserOverride",
      MeetingChatEnabledType: "EnabledExceptAnonymous",
      AllowRecordingStorageOutsideRegion: false,
    });
  });

  test("the council policy goes to the council and secretariat groups, the broadcast policy to the secretariat", () => {
    expect(document.groupAssignments.map((a) => [a.policyType, a.policyName, a.group, a.rank])).toEqual([
      ["TeamsMeetingPolicy", COUNCIL_MEETING_POLICY, "gemeenteraad", 1],
      ["TeamsMeetingPolicy", COUNCIL_MEETING_POLICY, "secretariaat", 2],
      ["TeamsEventsPolicy", COUNCIL_BROADCAST_POLICY, "secretariaat", 1],
    ]);
    expect(entry("TeamsEventsPolicy", COUNCIL_BROADCAST_POLICY).parameters).toMatchObject({
      AllowTownhalls: "Enabled",
      TownhallEventAttendeeAccess: "Everyone",
      RecordingForTownhall: "Enabled",
    });
  });

  test("MS.TEAMS.1.7: live events are never always recorded", () => {
    expect(entry("TeamsMeetingBroadcastPolicy").parameters.BroadcastRecordingMode).not.toBe("AlwaysEnabled");
  });

  test("MS.TEAMS.2.1–2.3: external access only to the tenant file's domains; consumer Teams off both ways", () => {
    const federation = entry("TenantFederationConfiguration").parameters;
    expect(federation).toMatchObject({ AllowFederatedUsers: true, AllowTeamsConsumer: false, AllowTeamsConsumerInbound: false });
    expect(federation.AllowedDomainsAsAList).toEqual([...kraainem().teams.externalAccess.allowedDomains].sort());
    expect(federation.AllowedDomainsAsAList).toEqual(expect.arrayContaining(["vlaanderen.be", "zaventem.be"]));
  });

  test("MS.TEAMS.2.1 without an allow-list: federation is off rather than open to every domain", () => {
    const raw = kraainemRaw() as Record<string, any>;
    raw.teams.externalAccess.allowedDomains = [];
    const federation = buildStacks(tenantFrom(raw)).collaboration.teamsPolicies.document.policies.find(
      (p) => p.policyType === "TenantFederationConfiguration",
    )!.parameters;
    expect(federation.AllowFederatedUsers).toBe(false);
    expect(federation).not.toHaveProperty("AllowedDomainsAsAList");
    expect(federation).toMatchObject({ AllowTeamsConsumer: false, AllowTeamsConsumerInbound: false });
  });

  test("MS.TEAMS.4.1: no email into channels; no third-party cloud storage (CIS 8.1.1)", () => {
    expect(entry("TeamsClientConfiguration").parameters).toMatchObject({
      AllowEmailIntoChannel: false,
      AllowDropBox: false,
      AllowBox: false,
      AllowGoogleDrive: false,
      AllowShareFile: false,
      AllowEgnyte: false,
      AllowGuestUser: kraainem().teams.guests.allowed,
    });
  });

  test("apps: no side-loading; no app permission policy (ignored on app-centric tenants); security reporting on", () => {
    expect(entry("TeamsAppSetupPolicy").parameters.AllowSideLoading).toBe(false);
    expect(document.policies.map((p) => p.policyType)).not.toContain("TeamsAppPermissionPolicy");
    expect(entry("TeamsMessagingPolicy").parameters.AllowSecurityEndUserReporting).toBe(true);
  });

  test("apps by app-centric management: no catalogue available by default (MS.TEAMS.5.1–5.3), only the allow-lists", () => {
    const t = kraainemRaw() as any;
    t.teams.apps = { allowedMicrosoftApps: ["com.microsoft.teamspace.tab.planner"], allowedThirdPartyApps: ["0d820ecd-def2-4297-adad-78056cde7c78"], allowedCustomApps: [] };
    const apps = buildStacks(tenantFrom(t)).collaboration.teamsPolicies.document.apps!;
    expect(apps.tenantSettings).toEqual({ DefaultApp: "None", GlobalApp: "None", PrivateApp: "None" });
    expect(apps.available).toEqual([
      { id: "0d820ecd-def2-4297-adad-78056cde7c78", catalog: "GlobalApp", assignmentType: "Everyone" },
      { id: "com.microsoft.teamspace.tab.planner", catalog: "DefaultApp", assignmentType: "Everyone" },
    ]);
  });

  test("apps: a setting value outside All/None, or an app listed twice, stops synth", () => {
    expect(() => validateTeamsApps({ tenantSettings: { DefaultApp: "Some" as never, GlobalApp: "None", PrivateApp: "None" }, available: [{ id: "a", catalog: "GlobalApp" }, { id: "A", catalog: "DefaultApp" }] })).toThrow(
      /DefaultApp "Some" is not allowed; allowed: All, None\nteams apps: app A is listed twice/,
    );
  });
});

describe("Teams policy values are validated against the cmdlet catalogue at synth time", () => {
  const groups = Object.keys(kraainem().groups);
  const problemsOf = (policies: TeamsPolicy[], assignments: TeamsGroupAssignment[] = []): string[] => {
    try {
      validateTeamsPolicies(policies, assignments, groups);
    } catch (e) {
      expect(e).toBeInstanceOf(TeamsPolicyError);
      return [...(e as TeamsPolicyError).problems];
    }
    return [];
  };
  const untyped = (policyType: string, identity: string, parameters: Record<string, unknown>) =>
    ({ policyType, identity, parameters }) as unknown as TeamsPolicy;

  test("the shipped policies and assignments are valid", () => {
    const t = kraainem();
    expect(problemsOf(teamsPolicies(t), teamsGroupAssignments(t))).toEqual([]);
  });

  test("a value outside the allowed set names the policy, the parameter and the allowed values", () => {
    expect(problemsOf([untyped("TeamsMeetingPolicy", "Global", { AutoAdmittedUsers: "Anyone" })])).toEqual([
      'teams policy TeamsMeetingPolicy "Global": parameter AutoAdmittedUsers "Anyone" is not allowed; allowed: EveryoneInCompany, EveryoneInSameAndFederatedCompany, Everyone, OrganizerOnly, EveryoneInCompanyExcludingGuests, InvitedUsers',
    ]);
  });

  test.each<[string, TeamsPolicy, RegExp]>([
    ["an unknown parameter", untyped("TeamsMeetingPolicy", "Global", { AllowMeetingChat: false }), /parameter AllowMeetingChat of Set-CsTeamsMeetingPolicy; allowed: Description, /],
    ["a string for a Boolean", untyped("TeamsMeetingPolicy", "Global", { AllowCloudRecording: "false" }), /AllowCloudRecording must be true or false, got "false"/],
    ["an Int32 out of range", untyped("TeamsMeetingPolicy", "Global", { NewMeetingRecordingExpirationDays: 100000 }), /100000 is out of range; allowed: 1 to 99999 or -1/],
    ["a list with an empty item", untyped("TenantFederationConfiguration", "Global", { AllowedDomainsAsAList: ["a.be", ""] }), /must be a list of non-empty strings/],
    ["a configuration with another identity", untyped("TeamsClientConfiguration", "Extra", {}), /TeamsClientConfiguration is a tenant configuration; its only identity is Global/],
    ["an unknown policy type", untyped("TeamsWizardPolicy", "Global", {}), /unknown policy type; allowed: TeamsMeetingPolicy, /],
  ])("%s is rejected", (_, policy, message) => {
    const problems = problemsOf([policy]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  test("a policy declared twice is rejected", () => {
    expect(problemsOf([untyped("TeamsMessagingPolicy", "Global", {}), untyped("TeamsMessagingPolicy", "Global", {})])).toEqual([
      'teams policy TeamsMessagingPolicy "Global": declared twice; merge the two entries',
    ]);
  });

  test("group assignments: declared custom policy, known group, assignable type, unique ranks", () => {
    const policies = [untyped("TeamsMeetingPolicy", "Raad", {})];
    const problems = problemsOf(policies, [
      { policyType: "TeamsMeetingPolicy", policyName: "Raad", group: "gemeenteraad", rank: 1 },
      { policyType: "TeamsMeetingPolicy", policyName: "Raad", group: "onbekend", rank: 1 },
      { policyType: "TeamsMeetingPolicy", policyName: "Global", group: "mat", rank: 2 },
      { policyType: "TeamsClientConfiguration", policyName: "Global", group: "mat", rank: 1 },
    ]);
    expect(problems).toEqual([
      'teams group assignment TeamsMeetingPolicy "Raad" to group "onbekend": unknown group; allowed: ' + groups.join(", "),
      'teams group assignment TeamsMeetingPolicy "Raad" to group "onbekend": rank 1 is already used for TeamsMeetingPolicy; ranks are unique per policy type',
      'teams group assignment TeamsMeetingPolicy "Global" to group "mat": assign a custom policy declared in the policy data, not "Global"',
      expect.stringMatching(/^teams group assignment TeamsClientConfiguration "Global" to group "mat": TeamsClientConfiguration cannot be assigned to groups; allowed: TeamsMeetingPolicy, /),
      'teams group assignment TeamsClientConfiguration "Global" to group "mat": assign a custom policy declared in the policy data, not "Global"',
    ]);
  });

  test("building the document throws on invalid data, so synth stops", () => {
    expect(() => buildTeamsDocument([untyped("TeamsMeetingPolicy", "Global", { MeetingChatEnabledType: "On" })], [], groups)).toThrow(
      /parameter MeetingChatEnabledType "On" is not allowed; allowed: Disabled, Enabled, EnabledExceptAnonymous/,
    );
  });
});

describe("every cmdlet and parameter the data and the scripts use is in the catalogue (policies/teams/cmdlets.ts)", () => {
  const known = knownCmdlets();
  const SCRIPTS = ["scripts/teams/Apply-TeamsPolicies.ps1", "scripts/teams/Export-TeamsPolicies.ps1"];
  /** PowerShell's own cmdlets the scripts may call; anything else must be a catalogued Teams cmdlet. */
  const POWERSHELL = new Set(["ConvertFrom-Json", "ConvertTo-Json", "ForEach-Object", "Get-Content", "Sort-Object", "Where-Object", "New-Object", "Out-Null", "Set-Content", "Write-Host", "Write-Warning", "Export-TeamsPolicies"]);

  test("the document names only known cmdlets and passes only their known parameters", () => {
    for (const p of document.policies) {
      for (const cmdlet of Object.values(p.cmdlets)) expect(known.has(cmdlet)).toBe(true);
      for (const name of Object.keys(p.parameters)) expect([p.policyType, name, known.get(p.cmdlets.set)!.has(name)]).toEqual([p.policyType, name, true]);
    }
  });

  test.each(SCRIPTS)("%s calls only known cmdlets with known parameters", (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/<#[\s\S]*?#>/g, "");
    const code = text.split("\n").filter((l) => !l.trim().startsWith("#"));
    const called = new Set<string>();
    for (const line of code) {
      // static calls: Verb-Noun followed by its -Parameters, up to a pipe or the end of the statement
      for (const m of line.matchAll(/\b([A-Z][a-z]+-[A-Za-z]+)\b([^|;{}]*)/g)) {
        const [, cmdlet, rest] = m;
        called.add(cmdlet);
        if (POWERSHELL.has(cmdlet)) continue;
        expect([cmdlet, known.has(cmdlet)]).toEqual([cmdlet, true]);
        for (const p of rest.matchAll(/\s-([A-Za-z]+)\b/g)) {
          if (/^(ne|eq|and|or|not)$/.test(p[1])) continue;
          expect([cmdlet, p[1], known.get(cmdlet)!.has(p[1])]).toEqual([cmdlet, p[1], true]);
        }
      }
      // dynamic calls through the document (& $policy.cmdlets.x): parameters every document cmdlet takes
      for (const m of line.matchAll(/&\s*\$[\w.]+([^|;{}]*)/g)) {
        for (const p of m[1].matchAll(/\s-([A-Za-z]+)\b/g)) {
          for (const spec of Object.values(POLICY_TYPES) as PolicyTypeSpec[]) expect([spec.get, p[1], known.get(spec.get)!.has(p[1])]).toEqual([spec.get, p[1], true]);
        }
      }
    }
    expect(called).toContain("Connect-MicrosoftTeams");
  });

  test("every string parameter with a fixed set lists its allowed values, and configurations have no New- cmdlet", () => {
    for (const [type, spec] of Object.entries(POLICY_TYPES) as [string, PolicyTypeSpec][]) {
      expect(spec.get).toBe(`Get-Cs${type}`);
      expect(spec.set).toBe(`Set-Cs${type}`);
      if (spec.new) expect(spec.new).toBe(`New-Cs${type}`);
      expect(type.endsWith("Configuration")).toBe(!spec.new);
      for (const p of Object.values(spec.parameters)) if (p.type === "String" && "values" in p) expect(p.values!.length).toBeGreaterThan(1);
    }
  });
});
