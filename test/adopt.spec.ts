import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { UsageError } from "../cli/command";
import { adoptReport, declaredObjects, EXPORTS, exportFile, readExport } from "../cli/adopt";
import { buildTenant } from "../stacks/tenant";
import { loadTenants } from "../tenants/load";
import { TenantSchema } from "../tenants/schema";
import { kraainem, kraainemRaw, ROOT, tempDir, tenantFrom } from "./helpers";

const EXPORT = path.join(ROOT, "test", "fixtures", "tenant-export");

function werkplek(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "werkplek.js"), ...args], { cwd: ROOT, env: { ...process.env, WERKPLEK_TENANTS_DIR: dir }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("werkplek adopt: the example tenant against an export of an existing tenant", () => {
  const tenant = kraainem();
  const report = adoptReport(tenant, readExport(EXPORT), declaredObjects(tenant), EXPORT);
  const area = (name: string) => report.areas.find((a) => a.area === name)!;
  const matched = (kind: string, key: string) => report.areas.flatMap((a) => a.matched).find((m) => m.kind === kind && m.key === key);

  test("declared objects that exist are matched by display name, with their id", () => {
    expect(matched("groups", "ict-beheerders")).toMatchObject({ id: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a01", risks: [] });
    expect(matched("teams", "gemeenteraad")).toMatchObject({ id: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a04" });
    expect(matched("conditionalAccess", "CA001")).toMatchObject({ id: "5c1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c01" });
    expect(matched("namedLocations", "allowedCountries")).toMatchObject({ changes: ["countries BE, NL → BE"] });
    expect(matched("intune", "compliance-windows")).toMatchObject({ id: "7e1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c01" });
    expect(matched("groupSettings", "Group.Unified")).toMatchObject({ id: "8f1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c01" });
  });

  test("changes that lose members or replace the object are flagged", () => {
    expect(matched("groups", "financien")!.risks).toEqual([expect.stringMatching(/^membership becomes dynamic .*current members who do not match the rule are removed/)]);
    expect(matched("groups", "gemeenteraad")!.risks).toEqual([expect.stringMatching(/terraform replaces it/)]);
    expect(report.riskCount).toBe(2);
  });

  test("the sprawl: what exists but is declared nowhere, Teams marked, the break-glass group left out", () => {
    expect(area("Groups").sprawl).toEqual([{ id: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a05", name: "Projectgroep Feestzaal 2020", note: "Team" }]);
    expect(area("Conditional access").sprawl).toEqual([{ id: "5c1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c02", name: "MFA voor iedereen (oud)", note: "enabled" }]);
    expect(area("Devices (Intune)").sprawl.map((s) => s.name)).toEqual(["Oud BitLocker-profiel"]);
  });

  test("two existing objects with the declared name are not guessed between", () => {
    const c = area("Groups").create.find((x) => x.key === "secretariaat")!;
    expect(c.note).toMatch(/2 existing objects are named "GRP-Secretariaat" .*choose one under adopt\.groups\.secretariaat/);
  });

  test("an enforced policy taken over by a tenant file that runs it report-only is flagged as lowered enforcement", () => {
    const raw = kraainemRaw() as any;
    raw.conditionalAccess.policies = {};
    const fresh = tenantFrom(raw);
    const r = adoptReport(fresh, readExport(EXPORT), declaredObjects(fresh), EXPORT);
    const ca001 = r.areas.flatMap((a) => a.matched).find((m) => m.key === "CA001")!;
    expect(ca001.risks).toEqual(["state enabled → enabledForReportingButNotEnforced: enforcement lowered until the policy is promoted in the tenant file"]);
  });
});

describe("werkplek adopt --write: the first apply imports every matched object", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    fs.copyFileSync(path.join(ROOT, "tenants", "kraainem.yaml"), path.join(dir, "kraainem.yaml"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the matches land in adopt: (comments kept) and synth emits an import block for each", () => {
    const r = werkplek(dir, "adopt", "--tenant", "kraainem", "--from", EXPORT, "--write");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/recorded 8 match\(es\)/);
    const text = fs.readFileSync(path.join(dir, "kraainem.yaml"), "utf8");
    expect(text).toContain("# Emergency access: made by hand");
    const tenant = loadTenants(dir)[0];
    expect(tenant.adopt.groups).toEqual({ financien: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a02", gemeenteraad: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a03", "ict-beheerders": "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a01" });
    const app = Testing.app();
    const stacks = buildTenant(app, tenant);
    const imports = (s: { toTerraform(): unknown }) => ((s.toTerraform() as { import?: { id: string; to: string }[] }).import ?? []).map((i) => `${i.to.split(".")[0]} ${i.id}`).sort();
    expect(imports(stacks.identity)).toEqual([
      "azuread_group /groups/1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a01",
      "azuread_group /groups/1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a02",
      "azuread_group /groups/1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a03",
      "azuread_named_location /identity/conditionalAccess/namedLocations/6d1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c01",
    ]);
    expect(imports(stacks.collaboration)).toEqual(["azuread_group /groups/1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a04", "msgraph_resource /groupSettings/8f1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c01"]);
    expect(imports(stacks.conditionalAccess)).toEqual(["azuread_conditional_access_policy /identity/conditionalAccess/policies/5c1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c01"]);
    expect(imports(stacks.devices)).toEqual(["msgraph_resource /deviceManagement/deviceCompliancePolicies/7e1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c01?api-version=beta"]);
  });

  test("a second run matches by the recorded ids and leaves the file as it is", () => {
    const before = fs.readFileSync(path.join(dir, "kraainem.yaml"), "utf8");
    const r = werkplek(dir, "adopt", "--tenant", "kraainem", "--from", EXPORT, "--json", "--write");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).areas[0].matched.map((m: any) => m.key)).toContain("financien");
    expect(fs.readFileSync(path.join(dir, "kraainem.yaml"), "utf8")).toBe(before);
  });
});

describe("bad input", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    fs.cpSync(EXPORT, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["a missing file", (d: string) => fs.rmSync(exportFile(d, "namedLocations")), /identity_conditionalAccess_namedLocations\.json: missing/],
    ["not JSON", (d: string) => fs.writeFileSync(exportFile(d, "groups"), "{"), /v1\.0\/groups\.json: not valid JSON/],
    ["not a list response", (d: string) => fs.writeFileSync(exportFile(d, "groups"), "[]"), /groups\.json: expected a Graph list response \{"value": \[\.\.\.\]\}/],
    ["an item without id", (d: string) => fs.writeFileSync(exportFile(d, "deviceConfigurations"), '{"value":[{"displayName":"x"}]}'), /deviceConfigurations\.json: value\[0\] needs an "id"/],
  ])("%s is a usage error naming the file", (_what, breakIt, message) => {
    breakIt(dir);
    expect(() => readExport(dir)).toThrow(UsageError);
    expect(() => readExport(dir)).toThrow(message);
  });

  test("the command exits 2 with the message and no stack trace", () => {
    fs.rmSync(exportFile(dir, "groups"));
    const r = werkplek(path.join(ROOT, "tenants"), "adopt", "--tenant", "kraainem", "--from", dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^werkplek adopt: .*v1\.0\/groups\.json: missing/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("no --from, or a folder that is not there", () => {
    expect(werkplek(path.join(ROOT, "tenants"), "adopt", "--tenant", "kraainem")).toMatchObject({ code: 2, err: expect.stringContaining("--from <dir> is required") });
    expect(werkplek(path.join(ROOT, "tenants"), "adopt", "--tenant", "kraainem", "--from", path.join(dir, "nope"))).toMatchObject({ code: 2, err: expect.stringContaining("no such folder") });
  });

  test("the tenant file's adopt: section refuses unknown keys, unknown policies and one object adopted twice", () => {
    const raw = kraainemRaw() as any;
    raw.adopt = { groups: { onbekend: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a01", it: "x" }, conditionalAccess: { CA099: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a09" }, teams: { gemeenteraad: "1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a01" } };
    const r = TenantSchema.safeParse(raw);
    const problems = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^adopt\.groups\.it: must be the object's id, a GUID/),
        expect.stringMatching(/^adopt\.conditionalAccess\.CA099: unknown policy "CA099"; known policies: CA001 \(/),
        expect.stringMatching(/^adopt\.groups\.onbekend: unknown group "onbekend"; allowed: gemeenteraad, /),
        expect.stringMatching(/^adopt\.teams\.gemeenteraad: 1f0b7a42-3c1d-4e5f-8a9b-0c1d2e3f4a01 is also adopted as groups\.onbekend/),
      ]),
    );
  });
});

describe("scripts/export-tenant.sh", () => {
  test("writes every file adopt reads, each page merged, from GET requests only", () => {
    const dir = tempDir();
    try {
      const bin = path.join(dir, "bin");
      fs.mkdirSync(bin);
      // stub az: groups come in two pages; everything else is one empty page
      fs.writeFileSync(
        path.join(bin, "az"),
        `#!/usr/bin/env bash
echo "$*" >>"${dir}/az.log"
url="\${@: -3:1}"
case "$url" in
  *groups\\?\\$select*) echo '{"value":[{"id":"a","displayName":"A"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/groups?$skiptoken=2"}' ;;
  *skiptoken=2*) echo '{"value":[{"id":"b","displayName":"B"}]}' ;;
  *) echo '{"value":[]}' ;;
esac
`,
        { mode: 0o755 },
      );
      const out = path.join(dir, "export");
      const r = spawnSync("bash", [path.join(ROOT, "scripts", "export-tenant.sh"), out], { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      for (const key of Object.keys(EXPORTS) as (keyof typeof EXPORTS)[]) expect(fs.existsSync(exportFile(out, key))).toBe(true);
      expect(JSON.parse(fs.readFileSync(exportFile(out, "groups"), "utf8"))).toEqual({ value: [{ id: "a", displayName: "A" }, { id: "b", displayName: "B" }] });
      const log = fs.readFileSync(path.join(dir, "az.log"), "utf8").trim().split("\n");
      expect(log.every((l) => l.startsWith("rest --method get --url https://graph.microsoft.com/"))).toBe(true);
      expect(readExport(out).groups.map((g) => g.id)).toEqual(["a", "b"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
