/**
 * `werkplek assess-config`: the ScubaGear and Maester files for the example tenant, checked
 * against ScubaGear's own JSON schema (test/fixtures/assessment, see SOURCE.md there) and the
 * Maester emergency-access format, and derived from the synthesized objects.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { parse } from "yaml";
import { main } from "../cli/main";
import { assessmentConfig, MAESTER_FILE, SCUBAGEAR_FILE, scubaGearYaml } from "../cli/assess-config";
import { docsContext } from "../cli/docs/context";
import { SCUBA_CAP_EXCLUSION_POLICIES, SCUBA_GUEST_USER_TYPES } from "../facts/assessment-tools";
import type { Tenant } from "../tenants/schema";
import { kraainem, kraainemRaw, ROOT, tempDir, tenantFrom } from "./helpers";

const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/assessment/ScubaConfigSchema.json"), "utf8"));
// ScubaGear's schema carries its own keywords (caseSensitive, friendlyName, pathMustExist, ...): not strict.
const validateScuba = new Ajv({ strict: false, allErrors: true }).compile(SCHEMA);
const BREAK_GLASS_GROUP = "00000000-0000-0000-0000-0000000000c1";
const BREAK_GLASS_ACCOUNTS = ["00000000-0000-0000-0000-0000000000c2", "00000000-0000-0000-0000-0000000000c3"];

function run(...argv: string[]) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }));
}

const configOf = (t: Tenant) => assessmentConfig(docsContext(t));
const withRaw = (edit: (raw: any) => void) => {
  const raw = kraainemRaw();
  edit(raw);
  return tenantFrom(raw);
};

describe("werkplek assess-config", () => {
  let dir: string;
  let scuba: any;
  let maester: any;
  beforeAll(async () => {
    dir = path.join(tempDir(), "assessment");
    const r = await run("assess-config", "--tenant", "kraainem", "--out", dir);
    expect(r).toMatchObject({ code: 0, err: "", out: `werkplek assess-config: wrote ${SCUBAGEAR_FILE} and ${MAESTER_FILE} for kraainem to ${dir}\n` });
    scuba = parse(fs.readFileSync(path.join(dir, SCUBAGEAR_FILE), "utf8"));
    maester = JSON.parse(fs.readFileSync(path.join(dir, MAESTER_FILE), "utf8"));
  });

  test("the ScubaGear file parses and is valid against ScubaGear's configuration schema", () => {
    expect(validateScuba(scuba)).toBe(true);
    expect(validateScuba.errors ?? null).toBeNull();
    expect(scuba).toMatchObject({ OrgName: "Gemeente Kraainem", ProductNames: ["aad", "teams"], M365Environment: "commercial", Organization: "kraainem.onmicrosoft.com" });
  });

  test("the schema check can fail: a wrong guest type, an unknown exclusion key or an unversioned id are refused", () => {
    const bad = (edit: (c: any) => void) => {
      const c = structuredClone(scuba);
      edit(c);
      return validateScuba(c);
    };
    expect(bad((c) => (c.Aad["MS.AAD.3.7v1"].CapExclusions.GuestUserTypes = ["guests"]))).toBe(false);
    expect(bad((c) => (c.Aad["MS.AAD.1.1v1"].CapExclusions.Roles = ["62e90394-69f5-4237-9190-012177145e10"]))).toBe(false);
    expect(bad((c) => (c.Aad["MS.AAD.3.2"] = c.Aad["MS.AAD.3.2v2"]))).toBe(false);
    expect(bad((c) => (c.ProductNames = ["entra"]))).toBe(false);
  });

  test("every CapExclusions policy the code implements declares the break-glass group and accounts, and nothing else for the policies without other exclusions", () => {
    expect(Object.keys(scuba.Aad)).toEqual(["MS.AAD.1.1v1", "MS.AAD.3.1v1", "MS.AAD.3.2v2", "MS.AAD.3.6v1", "MS.AAD.3.7v1", "MS.AAD.3.8v1", "MS.AAD.3.9v1"]);
    for (const [id, entry] of Object.entries<any>(scuba.Aad)) {
      expect(SCUBA_CAP_EXCLUSION_POLICIES).toContain(id);
      expect(entry.CapExclusions.Groups).toEqual([BREAK_GLASS_GROUP]);
      expect(entry.CapExclusions.Users).toEqual(BREAK_GLASS_ACCOUNTS);
    }
    for (const id of ["MS.AAD.1.1v1", "MS.AAD.3.2v2", "MS.AAD.3.6v1", "MS.AAD.3.9v1"]) expect(Object.keys(scuba.Aad[id].CapExclusions)).toEqual(["Users", "Groups"]);
  });

  test("the guest exclusions of the device policies (CA005, CA006) and of CA015 are declared for their ScubaGear policies", () => {
    for (const id of ["MS.AAD.3.1v1", "MS.AAD.3.7v1", "MS.AAD.3.8v1"]) {
      expect(scuba.Aad[id].CapExclusions.GuestUserTypes).toEqual([...SCUBA_GUEST_USER_TYPES]);
    }
  });

  test("annotations say why a control will fail: CA015 report-only, no Entra ID P2", () => {
    expect(Object.keys(scuba.AnnotatePolicy)).toEqual(["MS.AAD.2.1v1", "MS.AAD.2.3v1", "MS.AAD.3.1v1"]);
    expect(scuba.AnnotatePolicy["MS.AAD.3.1v1"].Comment).toMatch(/^CA015 Require phishing-resistant MFA for all users runs report-only in the staged rollout \(tenants\/kraainem\.yaml/);
    expect(scuba.AnnotatePolicy["MS.AAD.2.1v1"].Comment).toContain("conditionalAccess.riskPolicies: false");
  });

  test("the Maester file names the emergency access group and accounts in Maester's format", () => {
    expect(maester).toEqual({
      GlobalSettings: {
        EmergencyAccessAccounts: [
          { Id: BREAK_GLASS_GROUP, Type: "Group" },
          ...BREAK_GLASS_ACCOUNTS.map((Id) => ({ Id, Type: "User" })),
        ],
      },
    });
  });

  test("output is deterministic", async () => {
    const again = path.join(tempDir(), "again");
    await run("assess-config", "--tenant", "kraainem", "--out", again);
    for (const f of [SCUBAGEAR_FILE, MAESTER_FILE]) expect(fs.readFileSync(path.join(again, f), "utf8")).toBe(fs.readFileSync(path.join(dir, f), "utf8"));
  });

  test("flags: --tenant and --out are required, an unknown tenant is exit 2, --help documents both files", async () => {
    expect((await run("assess-config", "--tenant", "kraainem")).code).toBe(2);
    expect((await run("assess-config", "--out", dir)).code).toBe(2);
    expect((await run("assess-config", "--tenant", "zaventem", "--out", dir)).code).toBe(2);
    const help = await run("assess-config", "--help");
    expect(help.out).toContain(SCUBAGEAR_FILE);
    expect(help.out).toContain(`./tests/Custom/${MAESTER_FILE}`);
    expect((await run("--help")).out).toContain("assess-config");
  });
});

describe("derived from the synthesized objects and the tenant file, not a second description", () => {
  test("promoting CA015 drops its annotation; the exclusions stay", () => {
    const c = configOf(withRaw((raw) => (raw.conditionalAccess.policies.CA015 = { state: "enabled", promoted: "2026-11-30" })));
    expect(Object.keys(c.scubagear.AnnotatePolicy ?? {})).not.toContain("MS.AAD.3.1v1");
    expect(c.scubagear.Aad["MS.AAD.3.1v1"].CapExclusions.GuestUserTypes).toEqual([...SCUBA_GUEST_USER_TYPES]);
  });

  test("with the risk policies the P2 controls get exclusions instead of annotations; a stated deviation is annotated with its reason", () => {
    const p2 = configOf(withRaw((raw) => (raw.conditionalAccess.riskPolicies = true)));
    expect(p2.scubagear.Aad["MS.AAD.2.1v1"].CapExclusions.Groups).toEqual([BREAK_GLASS_GROUP]);
    expect(p2.scubagear.Aad["MS.AAD.2.3v1"].CapExclusions.Groups).toEqual([BREAK_GLASS_GROUP]);
    // CA013 and CA016 run report-only until promoted
    expect(p2.scubagear.AnnotatePolicy?.["MS.AAD.2.1v1"].Comment).toMatch(/^CA016 Block high user risk runs report-only/);
    const reason = "de helpdesk is niet altijd bereikbaar om accounts vrij te geven";
    const deviation = configOf(withRaw((raw) => Object.assign(raw.conditionalAccess, { riskPolicies: true, highUserRisk: { action: "passwordChange", reason } })));
    expect(deviation.scubagear.Aad["MS.AAD.2.1v1"]).toBeUndefined(); // CA012 does not implement MS.AAD.2.1
    expect(deviation.scubagear.AnnotatePolicy?.["MS.AAD.2.1v1"].Comment).toContain(reason);
  });

  test("a guardrail suppression of a SCuBA control becomes an annotation with its reason and expiry as remediation date", () => {
    const c = configOf(
      withRaw((raw) =>
        raw.guardrails.suppressions.push({ rule: "WP-ID-017", reason: "de oude boekhoudkoppeling gebruikt nog een clientgeheim", expires: "2027-01-31" }),
      ),
    );
    for (const id of ["MS.AAD.5.5v1", "MS.AAD.5.6v1", "MS.AAD.5.7v1"]) {
      expect(c.scubagear.AnnotatePolicy?.[id]).toEqual({
        Comment: "werkplek guardrail WP-ID-017 is waived: de oude boekhoudkoppeling gebruikt nog een clientgeheim (tenants/kraainem.yaml, guardrails.suppressions).",
        RemediationDate: "2027-01-31",
      });
    }
    expect(validateScuba(parse(scubaGearYaml(c.scubagear, "kraainem")))).toBe(true);
  });

  test("Organization: the initial domain, else the primary domain, left out when ScubaGear's pattern refuses it", () => {
    expect(configOf(withRaw((raw) => (raw.passwords.otherDomains = []))).scubagear.Organization).toBe("kraainem.be");
    const long = configOf(withRaw((raw) => Object.assign(raw, { primaryDomain: "kraainem.vlaanderen", passwords: { ...raw.passwords, otherDomains: [] } })));
    expect(long.scubagear.Organization).toBeUndefined();
    expect(validateScuba(long.scubagear)).toBe(true);
    expect(validateScuba({ ...long.scubagear, Organization: "kraainem.vlaanderen" })).toBe(false);
  });

  test("an exclusion whose object id exists only after deploy is reported, not written as a Terraform reference", () => {
    const ctx = docsContext(kraainem());
    const policies = (ctx.synthesized["conditional-access"].json as any).resource.azuread_conditional_access_policy;
    const ca002 = Object.values<any>(policies).find((p) => p.display_name.startsWith("CA002"));
    ca002.conditions.users.excluded_groups.push("${azuread_group.group-raad.object_id}");
    const c = assessmentConfig(ctx);
    expect(c.unresolved).toEqual(["CA002: excluded group ${azuread_group.group-raad.object_id}"]);
    expect(JSON.stringify(c.scubagear)).not.toContain("${");
  });
});
