import * as fs from "fs";
import * as path from "path";
import { loadTenant, loadTenants, TenantFileError, formatProblem } from "../tenants/load";
import { SCHEMA_FILE, tenantJsonSchema } from "../tenants/generate-schema";
import { kraainem, kraainemRaw, ROOT, tempDir } from "./helpers";
import { TenantSchema } from "../tenants/schema";

function problemsIn(dir: string): string[] {
  try {
    loadTenants(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(TenantFileError);
    return (e as TenantFileError).problems.map(formatProblem);
  }
  throw new Error(`expected ${dir} to be invalid`);
}

describe("tenant files", () => {
  test("the example tenant is valid and named after its file", () => {
    const t = kraainem();
    expect(t.name).toBe("kraainem");
    expect(t.breakGlass.accountObjectIds.length).toBeGreaterThanOrEqual(2);
  });

  test("every problem in a file is reported at once with file, line, column and field", () => {
    const problems = problemsIn(path.join(ROOT, "test/fixtures/bad-tenants"));
    const file = "test/fixtures/bad-tenants/wrong-fields.yaml";
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}:3:11 tenantId: must be a GUID like 00000000-0000-0000-0000-000000000000`,
        `${file}:6:11 location: write the region name "westeurope", not "West Europe"`,
        `${file}:11:3 breakGlass.accountObjectIds: at least two cloud-only emergency-access accounts are required`,
        `${file}:18:16 groups.it.licences.0: unknown licence "E5"; allowed: SPB`,
        `${file}:22:20 allowedCountries.0: countries are assigned ISO 3166-1 alpha-2 codes in capitals, like BE, NL, FR, DE, LU (the UK is GB)`,
        `${file}:24:14 adminConsent.reviewers: unknown group "nobody"; allowed: it`,
      ]),
    );
    expect(problems.find((p) => p.includes("groups.it.colour"))).toMatch(
      /:19:5 groups\.it\.colour: unknown field "colour"; allowed: displayName, description, kind, dynamicRule/,
    );
    expect(problems.find((p) => p.includes("adminRoles.it.1"))).toMatch(/:21:29 adminRoles\.it\.1: "Chief Wizard" is not allowed; allowed: Global Administrator/);
    expect(problems).toHaveLength(8);
  });

  test("broken YAML and a name that differs from the file name are reported for every file", () => {
    const problems = problemsIn(path.join(ROOT, "test/fixtures/broken-yaml"));
    expect(problems[0]).toMatch(/^test\/fixtures\/broken-yaml\/broken\.yaml:5:3 invalid YAML: /);
    expect(problems).toContain('test/fixtures/broken-yaml/misnamed.yaml:1:7 name: must equal the file name "misnamed", got "other-name"');
    expect(problems).toContain("test/fixtures/broken-yaml/misnamed.yaml:1:1 tenantId: required field is missing (expected string)");
  });

  test("an empty tenants folder is an error, not an empty synth", () => {
    const dir = tempDir();
    expect(problemsIn(dir)[0]).toMatch(/no tenant files/);
    fs.rmSync(dir, { recursive: true });
  });

  test.each([
    ["a group holding roles cannot be dynamic", (t: Record<string, any>) => (t.groups["ict-beheerders"].dynamicRule = 'user.department -eq "ICT"'), "adminRoles.ict-beheerders"],
    ["admin roles need a known group", (t: Record<string, any>) => (t.adminRoles["onbekend"] = ["Teams Administrator"]), "adminRoles.onbekend"],
    ["a weak method needs a reason", (t: Record<string, any>) => (t.authenticationMethods = { keepEnabled: [{ method: "Sms", reason: "kort" }] }), "authenticationMethods.keepEnabled.0.reason"],
    ["only SMS, voice and email are weak methods", (t: Record<string, any>) => (t.authenticationMethods = { keepEnabled: [{ method: "Fax", reason: "because the town hall still faxes" }] }), "authenticationMethods.keepEnabled.0.method"],
    ["unknown top-level fields are rejected", (t: Record<string, any>) => (t.tenantID = "x"), "tenantID"],
  ])("%s", (_name, mutate, field) => {
    const raw = kraainemRaw();
    mutate(raw);
    const result = TenantSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join(".") || (i as { keys?: string[] }).keys?.join("."))).toContain(field);
  });

  test("tenant.schema.json is generated from the zod schema and up to date (run `npm run schema`)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(tenantJsonSchema());
  });

  test("every tenant file points editors at the JSON schema", () => {
    for (const f of fs.readdirSync(path.join(ROOT, "tenants")).filter((f) => f.endsWith(".yaml"))) {
      expect(fs.readFileSync(path.join(ROOT, "tenants", f), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\/tenant\.schema\.json$/m);
    }
  });
});

describe("tenant files that are not a mapping", () => {
  test("an empty file, a null document and a list are reported at line 1, not crashed on", () => {
    const problems = problemsIn(path.join(ROOT, "test/fixtures/empty-tenants"));
    for (const f of ["empty", "list", "tilde"]) {
      expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^test/fixtures/empty-tenants/${f}\\.yaml:1:1 the file must be a YAML mapping of tenant fields`)));
    }
  });

  test("a group listed twice for the council meeting policy is a tenant-file error, not a crash at synth", () => {
    const raw = kraainemRaw() as any;
    raw.teams.councilMeetings.groups = ["gemeenteraad", "gemeenteraad"];
    const result = TenantSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toContainEqual(expect.objectContaining({ path: ["teams", "councilMeetings", "groups", 1], message: 'group "gemeenteraad" is listed twice; list each group once' }));
  });
});

test("a trusted IP range wider than /8 is refused (Entra named locations need /8 or longer)", () => {
  const raw = kraainemRaw() as any;
  raw.trustedIpRanges = ["0.0.0.0/0"];
  const result = TenantSchema.safeParse(raw);
  expect(result.success).toBe(false);
  expect(result.error!.issues[0]).toMatchObject({ path: ["trustedIpRanges", 0], message: expect.stringContaining("/8 or longer") });
});

describe("values the admin would get wrong when copying the example", () => {
  const problemsOf = (mutate: (t: any) => void) => {
    const raw = kraainemRaw() as any;
    mutate(raw);
    const r = TenantSchema.safeParse(raw);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  test("deviceRegistration: join groups must be group keys, the quota in range", () => {
    expect(problemsOf((t) => (t.deviceRegistration = { joinGroups: ["personeel", "iedereen"], maxDevicesPerUser: 500 }))).toEqual([
      "deviceRegistration.maxDevicesPerUser: maxDevicesPerUser must be between 1 and 100 (CIS 5.1.4.2 asks at most 20)",
      expect.stringMatching(/^deviceRegistration\.joinGroups\.1: unknown group "iedereen"; allowed: gemeenteraad, /),
    ]);
    expect(problemsOf((t) => delete t.deviceRegistration)).toEqual([]);
  });

  test("break-glass accounts must be different accounts, and not the group", () => {
    expect(problemsOf((t) => (t.breakGlass.accountObjectIds = [t.breakGlass.accountObjectIds[0], t.breakGlass.accountObjectIds[0]]))).toEqual([
      "breakGlass.accountObjectIds: the same account is listed twice; list two or more different accounts",
    ]);
    expect(problemsOf((t) => (t.breakGlass.accountObjectIds[1] = t.breakGlass.groupObjectId))).toEqual([
      expect.stringMatching(/^breakGlass\.accountObjectIds: an account id equals the group id/),
    ]);
  });

  test("an IP range with host bits set says which network it probably means", () => {
    expect(problemsOf((t) => (t.trustedIpRanges = ["192.0.2.5/28"]))).toEqual(["trustedIpRanges.0: 192.0.2.5/28 has host bits set; did you mean 192.0.2.0/28?"]);
    expect(problemsOf((t) => (t.remoteAccess.network.vmSubnet = "10.20.1.1/27"))).toContainEqual(
      "remoteAccess.network.vmSubnet: 10.20.1.1/27 has host bits set; did you mean 10.20.1.0/27?",
    );
  });

  test("a number out of range names the bound instead of zod's wording", () => {
    const dir = tempDir();
    const yaml = fs.readFileSync(path.join(ROOT, "tenants/kraainem.yaml"), "utf8").replace("browserSessionHours: 8", "browserSessionHours: 30");
    fs.writeFileSync(path.join(dir, "kraainem.yaml"), yaml);
    expect(problemsIn(dir)).toEqual([expect.stringMatching(/conditionalAccess\.browserSessionHours: 30 is out of range; must be at most 23$/)]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a second municipality copied from the example must not keep its tenant id, domain or names", () => {
    const dir = tempDir();
    const example = fs.readFileSync(path.join(ROOT, "tenants/kraainem.yaml"), "utf8");
    fs.writeFileSync(path.join(dir, "kraainem.yaml"), example);
    fs.writeFileSync(path.join(dir, "zaventem.yaml"), example.replace(/^name: kraainem$/m, "name: zaventem").replace(/^displayName: .*$/m, "displayName: Gemeente Zaventem"));
    const problems = problemsIn(dir);
    for (const what of ["tenantId", "subscriptionId", "primaryDomain", "breakGlass.groupObjectId", "remoteAccess.hostname", "devices.displayNamePrefix"]) {
      expect(problems).toContainEqual(expect.stringMatching(new RegExp(`zaventem\\.yaml:\\d+:\\d+ ${what.replace(".", "\\.")}: the .* is also in tenants/kraainem\\.yaml; each municipality needs its own$`)));
    }
    expect(problems.every((p) => p.includes("zaventem.yaml"))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test("allowed countries must be assigned ISO 3166-1 codes (Entra refuses others)", () => {
  const raw = kraainemRaw() as any;
  raw.allowedCountries = ["BE", "UK", "XX"];
  const r = TenantSchema.safeParse(raw);
  expect(r.success).toBe(false);
  expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["allowedCountries.1", "allowedCountries.2"]);
});

test("a misspelled field name suggests the field it probably meant", () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "kraainem.yaml"), fs.readFileSync(path.join(ROOT, "tenants/kraainem.yaml"), "utf8").replace(/^primaryDomain:/m, "primaryDomian:"));
  expect(problemsIn(dir)).toContainEqual(expect.stringMatching(/kraainem\.yaml:\d+:1 primaryDomian: unknown field "primaryDomian"; did you mean "primaryDomain"\?$/));
  fs.rmSync(dir, { recursive: true, force: true });
});

test("validate --tenant (loadTenant) refuses the values another tenant file already has, like synth does", () => {
  const dir = tempDir();
  const example = fs.readFileSync(path.join(ROOT, "tenants/kraainem.yaml"), "utf8");
  fs.writeFileSync(path.join(dir, "kraainem.yaml"), example);
  fs.writeFileSync(path.join(dir, "zaventem.yaml"), example.replace(/^name: kraainem$/m, "name: zaventem"));
  expect(() => loadTenant("zaventem", dir)).toThrow(/zaventem\.yaml:\d+:\d+ tenantId: the tenant id .* is also in tenants\/kraainem\.yaml/);
  fs.rmSync(dir, { recursive: true, force: true });
});
