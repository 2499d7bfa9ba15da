import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { newTenantFile } from "../cli/init";
import { buildTenant } from "../stacks/tenant";
import { loadTenants } from "../tenants/load";
import { findPlaceholders, placeholderIn } from "../tenants/placeholders";
import { ROOT, tempDir } from "./helpers";

const EXAMPLE = path.join(ROOT, "tenants", "kraainem.yaml");

/** Runs the werkplek command in a child process (WERKPLEK_TENANTS_DIR is read at start-up). */
function werkplek(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "werkplek.js"), ...args], { cwd: ROOT, env: { ...process.env, WERKPLEK_TENANTS_DIR: dir }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("werkplek init", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    fs.copyFileSync(EXAMPLE, path.join(dir, "kraainem.yaml"));
    fs.writeFileSync(path.join(dir, "zaventem.yaml"), newTenantFile("zaventem", { displayName: "Gemeente Zaventem", domain: "zaventem.be", takenPrefixes: new Set(["KRA"]) }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the new file validates beside the example (its placeholder ids are its own) and nothing of Kraainem is left", () => {
    const tenants = loadTenants(dir);
    const z = tenants.find((t) => t.name === "zaventem")!;
    expect(z).toMatchObject({ displayName: "Gemeente Zaventem", primaryDomain: "zaventem.be", remoteAccess: { hostname: "werkplek.zaventem.be" }, devices: { displayNamePrefix: "ZAV" } });
    expect(fs.readFileSync(path.join(dir, "zaventem.yaml"), "utf8")).not.toMatch(/kraainem|\bKRA\b/i);
    expect(fs.readFileSync(path.join(dir, "zaventem.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\/tenant\.schema\.json$/m);
  });

  test("it synthesizes with every conditional access policy report-only", () => {
    const z = loadTenants(dir).find((t) => t.name === "zaventem")!;
    expect(z.conditionalAccess.policies).toEqual({});
    const stacks = buildTenant(Testing.app(), z);
    const states = stacks.conditionalAccess.policies.map((p) => p.spec.state);
    expect(states.length).toBeGreaterThan(10);
    expect(new Set(states)).toEqual(new Set(["enabledForReportingButNotEnforced"]));
  });

  test("validate --strict refuses it, naming every placeholder with file:line; plain validate warns once per file", () => {
    const strict = werkplek(dir, "validate", "--strict", "--tenant", "zaventem");
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/zaventem\.yaml:\d+ tenantId: 00000000-0000-0000-0000-[0-9a-f]{12} is a placeholder id/);
    expect(strict.err).toMatch(/zaventem\.yaml:\d+ breakGlass\.groupObjectId: /);
    expect(strict.err).toMatch(/zaventem\.yaml:\d+ remoteAccess\.image\.version: image version "latest"/);
    expect(strict.err).toMatch(/zaventem\.yaml:\d+ teams\.externalAccess\.allowedDomains\.0: ict-partner\.example uses an example domain/);
    const plain = werkplek(dir, "validate");
    expect(plain.code).toBe(0);
    expect(plain.err.match(/^warning: .* has \d+ placeholder\(s\)/gm)).toHaveLength(2);
  });

  test("a filled-in file passes --strict", () => {
    const filled = tempDir();
    try {
      let text = fs.readFileSync(path.join(dir, "zaventem.yaml"), "utf8");
      let n = 0;
      text = text
        .replace(/00000000-0000-0000-0000-[0-9a-f]{12}/g, () => `1b2c3d4e-5f60-4a7b-8c9d-${String(++n).padStart(12, "0")}`)
        .replace(/192\.0\.2\.0\/28/g, "81.82.83.0/28")
        .replace(/version: latest/, "version: 5.5.1")
        .replace(/ict-partner\.example/, "ict-partner.be")
        .replace(/\s#\s*PLACEHOLDER\b[^\n]*/g, "");
      fs.writeFileSync(path.join(filled, "zaventem.yaml"), text);
      expect(findPlaceholders(path.join(filled, "zaventem.yaml"))).toEqual([]);
      expect(werkplek(filled, "validate", "--strict")).toMatchObject({ code: 0 });
    } finally {
      fs.rmSync(filled, { recursive: true, force: true });
    }
  });

  test("an existing file, a bad name or domain is exit 2 and nothing is written", () => {
    const before = fs.readdirSync(dir).sort();
    expect(werkplek(dir, "init", "zaventem")).toMatchObject({ code: 2, err: expect.stringContaining("zaventem.yaml already exists") });
    expect(werkplek(dir, "init", "Zaventem")).toMatchObject({ code: 2, err: expect.stringContaining("must be lowercase letters, digits and dashes") });
    expect(werkplek(dir, "init", "tervuren", "--domain", "Tervuren")).toMatchObject({ code: 2, err: expect.stringContaining("--domain") });
    expect(werkplek(dir, "init")).toMatchObject({ code: 2 });
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  test("the CLI writes the file and says how many placeholders are left", () => {
    const r = werkplek(dir, "init", "tervuren", "--domain", "tervuren.be");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*tervuren\.yaml: \d+ placeholder\(s\) to fill in/);
    expect(loadTenants(dir).map((t) => t.name)).toEqual(["kraainem", "tervuren", "zaventem"]);
    fs.rmSync(path.join(dir, "tervuren.yaml"));
  });
});

describe("what counts as a placeholder", () => {
  test.each([
    ["tenantId", "00000000-0000-0000-0000-000000000000", /placeholder id/],
    ["tenantId", "00000000-0000-0000-0000-0000000000a1", /placeholder id/],
    ["trustedIpRanges.0", "198.51.100.0/24", /documentation address range/],
    ["x", "203.0.113.9", /documentation address range/],
    ["x", "2001:db8::/48", /documentation address range/],
    ["remoteAccess.image.version", "latest", /"latest"/],
    ["helpdesk.email", "ict@example.com", /example domain/],
    ["teams.guests.usageGuidelinesUrl", "https://intranet.zaventem.example/x", /example domain/],
    ["x", "PLACEHOLDER", /PLACEHOLDER/],
  ])("%s: %s", (field, value, why) => {
    expect(placeholderIn(field, value)).toMatch(why);
  });

  test.each([
    ["tenantId", "1b2c3d4e-5f60-4a7b-8c9d-000000000001"],
    ["trustedIpRanges.0", "81.82.83.0/28"],
    ["x", "10.10.0.10"],
    ["remoteAccess.image.version", "5.5.1"],
    ["helpdesk.email", "ict@zaventem.be"],
    ["groups.financien.dynamicRule", 'user.department -eq "Financiën"'],
  ])("real values pass: %s %s", (field, value) => {
    expect(placeholderIn(field, value)).toBeUndefined();
  });
});
