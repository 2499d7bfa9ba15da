import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { formatProblem, loadTenants, TenantFileError } from "../tenants/load";
import { TenantSchema } from "../tenants/schema";
import { kraainemRaw, tempDir } from "./helpers";

type Json = Record<string, any>;

/** Problems reported for the example tenant file after one change, as `file:line:col field: message`. */
function problemsAfter(change: (raw: Json) => void): string[] {
  const dir = tempDir();
  try {
    const raw = kraainemRaw() as Json;
    change(raw);
    fs.writeFileSync(path.join(dir, "kraainem.yaml"), stringify(raw));
    loadTenants(dir);
    return [];
  } catch (e) {
    if (!(e instanceof TenantFileError)) throw e;
    return e.problems.map((p) => formatProblem({ ...p, file: "kraainem.yaml" }).replace(/:\d+:\d+ /, " "));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("tenant file section teams", () => {
  test("absent: secure defaults (admins only, no guests, no external access, no extra apps, no Teams)", () => {
    const raw = kraainemRaw() as Json;
    delete raw.teams;
    expect(TenantSchema.parse(raw).teams).toEqual({
      groupCreation: {},
      guests: { allowed: false },
      expiration: { groupLifetimeInDays: 365, managedGroupTypes: "All", teams: [], notificationEmails: [] },
      teams: {},
      externalAccess: { allowedDomains: [] },
      apps: { allowedMicrosoftApps: [], allowedThirdPartyApps: [], allowedCustomApps: [] },
      councilMeetings: { groups: [], townHallGroups: [] },
    });
  });

  test.each<[string, (raw: Json) => void, string]>([
    ["an unknown creators group", (raw) => (raw.teams.groupCreation.allowedGroup = "iedereen"), 'kraainem.yaml teams.groupCreation.allowedGroup: unknown group "iedereen"; allowed: gemeenteraad, '],
    ["an unknown council group", (raw) => raw.teams.councilMeetings.groups.push("raad"), 'kraainem.yaml teams.councilMeetings.groups.2: unknown group "raad"; allowed: gemeenteraad, '],
    ["an unknown Team in the expiration list", (raw) => Object.assign(raw.teams.expiration, { managedGroupTypes: "Selected", teams: ["raad"] }), 'kraainem.yaml teams.expiration.teams.0: unknown Team "raad"; allowed: gemeenteraad, schepencollege, managementteam, personeel'],
    ["Selected without Teams", (raw) => (raw.teams.expiration.managedGroupTypes = "Selected"), "kraainem.yaml teams.expiration.teams: managedGroupTypes Selected needs at least one Team key here; use All or None otherwise"],
    ["a Team without owners", (raw) => (raw.teams.teams.personeel.owners = []), "kraainem.yaml teams.teams.personeel.owners: a Team needs at least one owner (a user object id made outside the code)"],
    ["a naming policy without [GroupName]", (raw) => (raw.teams.groupCreation.namingPolicy = "GRP-"), "kraainem.yaml teams.groupCreation.namingPolicy: the naming policy must contain [GroupName], e.g. GRP-[GroupName]"],
    ["an http guidelines URL", (raw) => (raw.teams.groupCreation.usageGuidelinesUrl = "http://intranet.kraainem.be"), "kraainem.yaml teams.groupCreation.usageGuidelinesUrl: usageGuidelinesUrl must be an https:// URL"],
    ["a federated domain with a scheme", (raw) => raw.teams.externalAccess.allowedDomains.push("https://zaventem.be"), "kraainem.yaml teams.externalAccess.allowedDomains.5: a domain must be a lowercase DNS name like zaventem.be"],
    ["a lifetime under 30 days", (raw) => (raw.teams.expiration.groupLifetimeInDays = 7), "kraainem.yaml teams.expiration.groupLifetimeInDays: groups must live at least 30 days (Entra minimum)"],
    ["an unknown managed group type", (raw) => (raw.teams.expiration.managedGroupTypes = "Some"), 'kraainem.yaml teams.expiration.managedGroupTypes: "Some" is not allowed; allowed: All, Selected, None'],
  ])("%s is reported with the field and what is allowed", (_, change, message) => {
    const problems = problemsAfter(change);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(message)).toBe(true);
  });
});
