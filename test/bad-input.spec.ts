/**
 * Bad input, table by table: tenant files, command-line flags and plan files. Each row feeds one
 * bad input and asserts the refusal (exit 2 or a TenantFileError naming the file, the field or
 * flag and what is allowed; no stack trace; nothing written) or the right answer. A new field,
 * flag or plan check gets a row here; the sweeps cover every field of the example tenant and every
 * value flag of every command, so new ones get the same treatment without a new row.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { COMMANDS, main } from "../cli/main";
import { decodeText, makeFolder } from "../constructs/text-file";
import { formatProblem, loadTenant, loadTenants, TenantFileError } from "../tenants/load";
import { TenantSchema } from "../tenants/schema";
import { kraainemRaw, ROOT, tempDir } from "./helpers";

const PLANS = path.join(__dirname, "fixtures", "plans");
const KRAAINEM_YAML = fs.readFileSync(path.join(ROOT, "tenants", "kraainem.yaml"), "utf8");

const dirs: string[] = [];
const fresh = (prefix = "werkplek-bad-input-") => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function run(...argv: string[]) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }));
}

/** Every problem loadTenants reports for a folder, formatted as the CLI prints them. */
function problemsIn(dir: string): string[] {
  try {
    loadTenants(dir);
  } catch (e) {
    if (!(e instanceof TenantFileError)) throw e;
    return e.problems.map(formatProblem);
  }
  return [];
}

type Raw = Record<string, any>;

/** The example as another municipality: every value that must differ between tenants changed. */
function otherTenant(name: string, n: number): Raw {
  const t = kraainemRaw() as Raw;
  const id = (x: string) => `00000000-0000-0000-0000-${x}${String(n).padStart(12 - x.length, "0")}`;
  t.name = name;
  t.tenantId = id("a");
  t.subscriptionId = id("b");
  t.primaryDomain = `${name}.be`;
  t.breakGlass = { groupObjectId: id("c"), accountObjectIds: [id("d"), id("e")] };
  t.remoteAccess.hostname = `werkplek.${name}.be`;
  t.devices.displayNamePrefix = `T${n}`;
  return t;
}

/** A folder with the example tenant and the given extra files (text, bytes, or a raw tenant). */
function tenantsFolder(files: Record<string, string | Buffer | Raw> = {}, withExample = true): string {
  const dir = fresh();
  if (withExample) fs.writeFileSync(path.join(dir, "kraainem.yaml"), KRAAINEM_YAML);
  for (const [f, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, f), typeof content === "string" || Buffer.isBuffer(content) ? content : stringify(content));
  }
  return dir;
}

/** The example tenant with one change, validated as tenants/kraainem.yaml: its problems. */
function problemsOf(mutate: (t: Raw) => void): string[] {
  const raw = kraainemRaw() as Raw;
  mutate(raw);
  return problemsIn(tenantsFolder({ "kraainem.yaml": raw }, false));
}

/** YAML whose aliases expand to 10^9 copies: a few hundred bytes that exhaust memory when expanded. */
function aliasBomb(name: string): string {
  const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i <= 8; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*${i === 1 ? "a" : `l${i - 1}`}`).join(", ")}]`);
  return `name: ${name}\n${lines.join("\n")}\n`;
}

describe("tenant files: values that were accepted but wrong", () => {
  const long = "x".repeat(100_000);
  test.each<[string, (t: Raw) => void, RegExp]>([
    ["the nil GUID as tenant id", (t) => (t.tenantId = "00000000-0000-0000-0000-000000000000"), /:\d+:\d+ tenantId: the nil GUID 00000000-0000-0000-0000-000000000000 is a placeholder, not an id/],
    ["the nil GUID as a break-glass account", (t) => (t.breakGlass.accountObjectIds[0] = "00000000-0000-0000-0000-000000000000"), /breakGlass\.accountObjectIds\.0: the nil GUID/],
    ["the nil GUID as a Team owner", (t) => (t.teams.teams.personeel.owners = ["00000000-0000-0000-0000-000000000000"]), /teams\.teams\.personeel\.owners\.0: the nil GUID/],
    ["a region that does not exist", (t) => (t.location = "marsnorth"), /location: "marsnorth" is not an Azure region; allowed: a region name like westeurope, northeurope, belgiumcentral/],
    ["a region's display name", (t) => (t.location = "Belgium Central"), /location: write the region name "belgiumcentral", not "Belgium Central"/],
    ["a promotion date in the future", (t) => (t.conditionalAccess.policies.CA001.promoted = "2099-01-01"), /conditionalAccess\.policies\.CA001\.promoted: 2099-01-01 is in the future; write the date the policy was promoted \(today or earlier\)/],
    ["the own domain as an external organisation", (t) => t.teams.externalAccess.allowedDomains.push("kraainem.be"), /teams\.externalAccess\.allowedDomains\.5: kraainem\.be is the municipality's own domain \(primaryDomain\)/],
    ["an external domain listed twice", (t) => t.teams.externalAccess.allowedDomains.push("zaventem.be"), /teams\.externalAccess\.allowedDomains\.5: domain "zaventem\.be" is listed twice/],
    ["two groups with one display name", (t) => (t.groups.mat.displayName = "grp-gemeenteraad"), /groups\.mat\.displayName: the display name "grp-gemeenteraad" is also used by groups\.gemeenteraad\.displayName; give each group its own name/],
    ["a Team named like a group", (t) => (t.teams.teams.personeel.displayName = "GRP-Alle-Personeel"), /teams\.teams\.personeel\.displayName: the display name "GRP-Alle-Personeel" is also used by groups\.personeel\.displayName/],
    ["a 100,000-character display name", (t) => (t.displayName = long), /:\d+:\d+ displayName: a value of 100,000 characters; no tenant field takes more than 4,096/],
    ["a 100,000-character group key", (t) => (t.groups[long] = { displayName: "x" }), /groups\.x{10}.*: a key of 100,000 characters/],
    ["a municipality name too long to name Entra objects", (t) => (t.displayName = "Gemeente ".repeat(30)), /displayName: at most 200 characters/],
    ["a membership rule over Entra's 3,072 characters", (t) => (t.groups.burgerzaken.dynamicRule = `user.department -eq "${"x".repeat(3100)}"`), /groups\.burgerzaken\.dynamicRule: a membership rule takes at most 3072 characters/],
    ["an empty display name", (t) => (t.groups.mat.displayName = ""), /groups\.mat\.displayName: must not be empty/],
    ["a Key Vault name Azure refuses", (t) => (t.remoteAccess.keyVault.name = "kv--kraainem"), /remoteAccess\.keyVault\.name: a Key Vault name cannot contain "--"/],
    ["a Key Vault name that is too long", (t) => (t.remoteAccess.keyVault.name = "kv-kraainem-awingu-telewerk"), /remoteAccess\.keyVault\.name: a Key Vault name is 3-24 letters, digits and dashes/],
    ["a long value is not echoed in the message", (t) => (t.adminRoles.mat = ["Wizard".repeat(200)]), /adminRoles\.mat\.0: "(Wizard){9}Wizar…" is not allowed; allowed: Global Administrator/],
  ])("%s", (_name, mutate, message) => {
    const problems = problemsOf(mutate);
    expect(problems).toContainEqual(expect.stringMatching(message));
    for (const p of problems) expect(p.length).toBeLessThan(1200);
  });

  test("right answers: a Key Vault name of one's own is used; today's promotion date is accepted", () => {
    expect(problemsOf((t) => (t.remoteAccess.keyVault.name = "kv-kraainem-2"))).toEqual([]);
    expect(problemsOf((t) => (t.conditionalAccess.policies.CA001.promoted = new Date().toISOString().slice(0, 10)))).toEqual([]);
  });

  test("a Key Vault name made from a tenant name Azure refuses asks for remoteAccess.keyVault.name", () => {
    const raw = otherTenant("gemeente--x", 2);
    const problems = problemsIn(tenantsFolder({ "gemeente--x.yaml": raw }));
    expect(problems).toContainEqual(
      expect.stringMatching(/gemeente--x\.yaml:\d+:\d+ remoteAccess\.keyVault\.name: the Key Vault name made from the tenant name, "kv-gemeente--x-awingu", is not valid \(a Key Vault name cannot contain "--"\); choose one here/),
    );
  });

  test("two tenants whose Key Vault or state storage names collide after the 24-character cut; a name of one's own resolves it", () => {
    // kv-vlaams-brabant-oosten… and st…: both names are cut to 24 characters
    const a = otherTenant("vlaams-brabant-oosten-kraainem", 2);
    const b = otherTenant("vlaams-brabant-oosten-zaventem", 3);
    const problems = problemsIn(tenantsFolder({ "vlaams-brabant-oosten-kraainem.yaml": a, "vlaams-brabant-oosten-zaventem.yaml": b }));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /vlaams-brabant-oosten-zaventem\.yaml:\d+:\d+ remoteAccess\.keyVault\.name: the Key Vault name "kv-vlaams-brabant-oosten" is also tenants\/vlaams-brabant-oosten-kraainem\.yaml's; Key Vault names are unique across Azure: set remoteAccess\.keyVault\.name/,
      ),
    );
    const c = otherTenant("sintpieters-leeuw", 4);
    const d = otherTenant("sint-pieters-leeuw", 5);
    expect(problemsIn(tenantsFolder({ "sintpieters-leeuw.yaml": c, "sint-pieters-leeuw.yaml": d }))).toContainEqual(
      expect.stringMatching(/the state storage account name "stsintpietersleeuwtfstat" is also tenants\/sint-pieters-leeuw\.yaml's; storage account names are unique across Azure: set state\.storageAccountName/),
    );
    b.remoteAccess.keyVault.name = "kv-vbo-zaventem";
    expect(problemsIn(tenantsFolder({ "vlaams-brabant-oosten-kraainem.yaml": a, "vlaams-brabant-oosten-zaventem.yaml": b }))).toEqual([]);
  });
});

describe("tenant files that crashed or were silently corrupted", () => {
  const latin1 = Buffer.concat([Buffer.from(KRAAINEM_YAML.slice(0, KRAAINEM_YAML.indexOf("GRP-Dienst-Financiën")), "utf8"), Buffer.from("GRP-Dienst-Financi\xebn", "latin1"), Buffer.from(KRAAINEM_YAML.slice(KRAAINEM_YAML.indexOf("GRP-Dienst-Financiën") + 20), "utf8")]);
  const financienLine = KRAAINEM_YAML.slice(0, KRAAINEM_YAML.indexOf("GRP-Dienst-Financiën")).split("\n").length;

  test.each<[string, (dir: string) => void, RegExp]>([
    ["a folder named like a tenant file", (d) => fs.mkdirSync(path.join(d, "foo.yaml")), /foo\.yaml is a folder, not a file: every \*\.yaml in .* must be a tenant file; remove, rename or fix it/],
    ["a broken symbolic link", (d) => fs.symlinkSync(path.join(d, "nowhere.yaml"), path.join(d, "bar.yaml")), /bar\.yaml a broken symbolic link \(it points to .*nowhere\.yaml, which does not exist\)/],
    ["a YAML alias bomb", (d) => fs.writeFileSync(path.join(d, "bomb.yaml"), aliasBomb("bomb")), /bomb\.yaml:3:\d+ invalid YAML: the aliases \(\*name\) expand to more than 100 copies/],
    ["a .yml beside the .yaml of the same tenant", (d) => fs.writeFileSync(path.join(d, "kraainem.yml"), KRAAINEM_YAML), /kraainem\.yml tenant "kraainem" also has kraainem\.yaml: keep one file per tenant/],
    ["a lone .yml (CI lists tenants/*.yaml only)", (d) => fs.writeFileSync(path.join(d, "zaventem.yml"), stringify(otherTenant("zaventem", 2))), /zaventem\.yml tenant files end in \.yaml .*: rename it to zaventem\.yaml/],
    ["an upper-case extension", (d) => fs.writeFileSync(path.join(d, "zaventem.YAML"), stringify(otherTenant("zaventem", 2))), /zaventem\.YAML tenant files end in \.yaml/],
  ])("%s: a problem naming the file, the example still validated", (_name, setup, message) => {
    const dir = tenantsFolder();
    setup(dir);
    const problems = problemsIn(dir);
    expect(problems).toContainEqual(expect.stringMatching(message));
    expect(problems.filter((p) => p.includes("kraainem.yaml") && !p.includes("also has kraainem.yaml"))).toEqual([]);
  });

  test("a file saved as Latin-1/Windows-1252 is refused at the first such byte, never read as \\uFFFD", () => {
    const dir = tenantsFolder({ "kraainem.yaml": latin1 }, false);
    expect(problemsIn(dir)).toEqual([
      expect.stringMatching(new RegExp(`kraainem\\.yaml:${financienLine}:\\d+ not UTF-8: byte 0xEB here \\(the file looks saved as Latin-1/Windows-1252, where "ë" is one byte\\); save it as UTF-8`)),
    ]);
  });

  test("UTF-16 is refused with the encoding named; UTF-8 with a byte order mark is the right answer", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(KRAAINEM_YAML, "utf16le")]);
    expect(problemsIn(tenantsFolder({ "kraainem.yaml": utf16 }, false))).toEqual([
      expect.stringMatching(/kraainem\.yaml the file is UTF-16 \(little-endian, with a byte order mark\); save it as UTF-8/),
    ]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(KRAAINEM_YAML, "utf8")]);
    const tenants = loadTenants(tenantsFolder({ "kraainem.yaml": bom }, false));
    expect(tenants[0].groups.financien.displayName).toBe("GRP-Dienst-Financiën");
    expect(tenants[0].groups.financien.dynamicRule).toBe('user.department -eq "Financiën"');
  });

  test("a tenants folder that does not exist is a problem naming it", () => {
    expect(problemsIn(path.join(fresh(), "nergens"))).toEqual([expect.stringMatching(/nergens the tenants folder does not exist/)]);
  });

  test("loadTenant (whatif, docs, validate --tenant) refuses the same files by name", () => {
    const dir = tenantsFolder({ "kraainem.yml": KRAAINEM_YAML });
    expect(() => loadTenant("kraainem", dir)).toThrow(/kraainem\.yml tenant "kraainem" also has kraainem\.yaml/);
    const bombs = tenantsFolder({ "bomb.yaml": aliasBomb("bomb") });
    expect(() => loadTenant("bomb", bombs)).toThrow(TenantFileError);
  });

  test("npm run synth on all of them at once: exit 2, every file named, no stack trace, nothing written", () => {
    const dir = tenantsFolder({ "kraainem.yml": KRAAINEM_YAML, "bomb.yaml": aliasBomb("bomb"), "latin.yaml": latin1 });
    fs.mkdirSync(path.join(dir, "foo.yaml"));
    fs.symlinkSync(path.join(dir, "nowhere.yaml"), path.join(dir, "bar.yaml"));
    const out = path.join(fresh(), "out");
    const r = spawnSync(process.execPath, ["-r", "./bin/register.js", "main.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: out, WERKPLEK_TENANTS_DIR: dir },
    });
    expect(r.status).toBe(2);
    for (const f of ["kraainem.yml", "bomb.yaml", "latin.yaml", "foo.yaml", "bar.yaml"]) expect(r.stderr).toContain(path.join(dir, f));
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("every field of the example tenant refuses garbage, naming the field (a sweep over the file)", () => {
  /** Every path in the example, leaves and containers. */
  function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    const here = prefix.length ? [prefix] : [];
    if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => pathsOf(x, [...prefix, i]))];
    if (v && typeof v === "object") return [...here, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...prefix, k]))];
    return here;
  }
  const set = (o: Raw, p: (string | number)[], value: unknown) => {
    const parent = p.slice(0, -1).reduce((x, k) => x[k], o);
    parent[p[p.length - 1]] = value;
  };
  const paths = pathsOf(kraainemRaw()).filter((p) => p[0] !== "$schema");

  test(`${paths.length} fields: a value of the wrong type is a problem at that field, never a crash`, () => {
    const example = kraainemRaw();
    const misses: string[] = [];
    for (const p of paths) {
      const raw = structuredClone(example) as Raw;
      set(raw, p, { unexpected: true });
      const result = TenantSchema.safeParse(raw); // a crash in a cross-reference check throws: the test fails with it
      const field = p.join(".");
      const named = !result.success && result.error.issues.some((i) => [i.path.join("."), ...((i as { keys?: string[] }).keys ?? []).map((k) => [...i.path, k].join("."))].some((x) => x === field || x.startsWith(`${field}.`)));
      if (!named) misses.push(field);
    }
    expect(misses).toEqual([]);
  });

  test("and a string longer than any field takes is refused wherever it is (the loader's bound, not one per field)", () => {
    const problems = problemsOf((t) => {
      t.tags.owner = "x".repeat(5000);
      t.teams.apps.allowedCustomApps = ["y".repeat(5000)];
      t.remoteAccess.image.publisher = "z".repeat(5000);
    });
    expect(problems.map((p) => p.replace(/^.*kraainem\.yaml:\d+:\d+ /, ""))).toEqual([
      "tags.owner: a value of 5,000 characters; no tenant field takes more than 4,096",
      "remoteAccess.image.publisher: a value of 5,000 characters; no tenant field takes more than 4,096",
      "teams.apps.allowedCustomApps.0: a value of 5,000 characters; no tenant field takes more than 4,096",
    ]);
  });
});

describe("command-line flags", () => {
  test.each<[string, string[], RegExp]>([
    ["empty --tenant= does not mean all tenants", ["validate", "--tenant="], /validate: --tenant is empty; give a value, or leave the flag out/],
    ["empty --tenant \"\"", ["check", "--tenant", ""], /check: --tenant is empty/],
    ["empty --groups= does not mean all groups", ["whatif", "--tenant", "kraainem", "--groups="], /whatif: --groups is empty/],
    ["a list with an empty item", ["whatif", "--tenant", "kraainem", "--groups", "gemeenteraad,,mat"], /--groups "gemeenteraad,,mat" has an empty item; .*allowed: gemeenteraad, /],
    ["--guest with --break-glass", ["whatif", "--tenant", "kraainem", "--guest", "--break-glass"], /--guest and --break-glass cannot be combined: break-glass accounts are cloud-only members of the tenant, never guests/],
    ["a private --ip", ["whatif", "--tenant", "kraainem", "--ip", "10.1.2.3"], /--ip "10\.1\.2\.3" is a private address \(RFC 1918\): Entra sees the public address .*; allowed: a public IPv4 or IPv6 address/],
    ["a home-router --ip", ["whatif", "--tenant", "kraainem", "--ip", "192.168.1.20"], /--ip "192\.168\.1\.20" is a private address/],
    ["a loopback --ip", ["whatif", "--tenant", "kraainem", "--ip", "127.0.0.1"], /--ip "127\.0\.0\.1" is a loopback address/],
    ["a carrier-grade NAT --ip", ["whatif", "--tenant", "kraainem", "--ip", "100.64.1.1"], /is a carrier-grade NAT address/],
    ["an IPv6 link-local --ip", ["whatif", "--tenant", "kraainem", "--ip", "fe80::1"], /--ip "fe80::1" is a link-local address/],
    ["an IPv4-mapped private --ip", ["whatif", "--tenant", "kraainem", "--ip", "::ffff:10.0.0.1"], /is a private address \(RFC 1918\)/],
    ["drift --json with --summary", ["drift", "--json", "--summary", path.join(PLANS, "kraainem-identity-plan.json")], /drift: --json and --summary cannot be combined/],
    ["docs --out under /proc (it used to hang)", ["docs", "--tenant", "kraainem", "--out", "/proc/werkplek-docs"], /docs: --out "\/proc\/werkplek-docs" cannot be written: .*; give a folder/],
  ])("%s: exit 2 naming the flag, no stack trace, nothing on stdout", async (_name, argv, message) => {
    const r = await run(...argv);
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: "" });
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("right answer: a public --ip, IPv4 or IPv6, is evaluated", async () => {
    for (const ip of ["198.51.100.20", "2001:db8::1"]) expect((await run("whatif", "--tenant", "kraainem", "--ip", ip, "--json")).code).toBe(0);
  });

  // every `--flag <value>` in every command's help: an empty value is refused, naming the flag
  const valueFlags = COMMANDS.flatMap((c) => [...new Set([...c.usage.matchAll(/^\s+(--[a-z-]+) </gm)].map((m) => m[1]))].map((f) => [c.name, f] as const));
  test.each(valueFlags)("%s %s= (empty): exit 2 naming the flag", async (command, flag) => {
    const r = await run(command, `${flag}=`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(flag);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe("");
  });

  test("the sweep covers the flags it must", () => {
    expect(valueFlags).toEqual(expect.arrayContaining([["validate", "--tenant"], ["whatif", "--groups"], ["whatif", "--ip"], ["drift", "--max-chars"], ["docs", "--out"], ["diff", "--base"]]));
  });
});

describe("plan files that must never read as 'no drift'", () => {
  const good = JSON.parse(fs.readFileSync(path.join(PLANS, "kraainem-identity-plan.json"), "utf8"));
  const drift = good.resource_drift[0];
  const write = (name: string, content: string | Buffer | object) => {
    const file = path.join(fresh("werkplek-bad-plan-"), name);
    fs.writeFileSync(file, typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content));
    return file;
  };

  test.each<[string, string | Buffer | object, RegExp]>([
    ["state, not a plan (terraform show -json without a plan file)", { format_version: "1.0", terraform_version: "1.11.4", values: { root_module: { resources: [] } } }, /: this is terraform state \(terraform show -json without a plan file, or of a \.tfstate\), which cannot show drift; expected the output of 'terraform show -json <planfile>'/],
    ["an empty state: only a format_version", { format_version: "1.0" }, /: this is neither a plan nor state \(no planned_values, resource_changes or resource_drift\), which cannot show drift/],
    ["an errored plan", { ...good, errored: true, complete: false, resource_drift: [] }, /: the plan errored \("errored": true\): terraform stopped before it reached every resource, so drift cannot be ruled out/],
    ["an incomplete plan", { ...good, complete: false, resource_drift: [] }, /: the plan is incomplete \("complete": false: planned with -target, or with deferred changes\)/],
    ["an unknown action", { ...good, resource_drift: [{ ...drift, change: { ...drift.change, actions: ["frobnicate"] } }] }, /: resource_drift\[0\] \(azuread_group\.group-gemeenteraad_7258649C\) has the unknown action "frobnicate"; allowed: no-op, create, read, update, delete, forget/],
    ["no actions", { ...good, resource_drift: [{ ...drift, change: { ...drift.change, actions: [] } }] }, /: resource_drift\[0\] has an empty "change\.actions" list/],
    ["a major format version it does not know", { ...good, format_version: "2.0" }, /: format_version "2\.0" is not supported; allowed: 1\.x/],
    ["a list, not an object", [good], /: no format_version; expected the output of 'terraform show -json <planfile>'/],
    ["UTF-16 without a byte order mark", Buffer.from(JSON.stringify(good), "utf16le"), /:1:2: a NUL byte: this is UTF-16 without a byte order mark, not UTF-8 text; save the file as UTF-8 \(terraform show -json writes UTF-8; in PowerShell use `\| Out-File -Encoding utf8`\)/],
    ["Latin-1 bytes", Buffer.concat([Buffer.from('{"format_version":"1.2","x":"Financi'), Buffer.from([0xeb]), Buffer.from('n"}')]), /:1:37: not UTF-8: byte 0xEB here/],
  ])("%s: exit 2 naming the file and why", async (_name, content, message) => {
    const file = write("kraainem-identity.json", content);
    const r = await run("drift", file);
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: "" });
    expect(r.err).toContain(file);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("a folder given as a plan: exit 2 naming it", async () => {
    const dir = fresh();
    const r = await run("drift", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}: cannot read the file (is a folder, not a file)`);
  });

  test("right answers: UTF-8 with a byte order mark and UTF-16 with one (PowerShell's >) read as the same plan", async () => {
    const text = JSON.stringify(good);
    const expected = await run("drift", write("kraainem-identity.json", text));
    expect(expected.code).toBe(1);
    for (const bytes of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])]) {
      const r = await run("drift", write("kraainem-identity.json", bytes));
      expect({ code: r.code, out: r.out.replace(/`[^`]*kraainem-identity\.json`/g, "") }).toEqual({ code: 1, out: expected.out.replace(/`[^`]*kraainem-identity\.json`/g, "") });
    }
  });

  test("plans of the same file name in different folders get different section titles", async () => {
    const root = fresh();
    for (const d of ["p1", "p2"]) {
      fs.mkdirSync(path.join(root, d));
      fs.writeFileSync(path.join(root, d, "plan.json"), JSON.stringify(good));
    }
    const r = await run("drift", "--json", path.join(root, "p1", "plan.json"), path.join(root, "p2", "plan.json"));
    expect(JSON.parse(r.out).sections.map((s: any) => s.title)).toEqual(["p1/plan", "p2/plan"]);
    const md = await run("drift", path.join(root, "p1", "plan.json"), path.join(root, "p2", "plan.json"));
    expect(md.out).toContain("### p1/plan\n");
    expect(md.out).toContain("### p2/plan\n");
  });
});

describe("the helpers behind the refusals", () => {
  test("decodeText: UTF-8 (with or without a byte order mark) is read; a bad byte is located by line and column", () => {
    expect(decodeText(Buffer.from("a: ë\n"))).toEqual({ text: "a: ë\n" });
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: "a" });
    expect(decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]))).toEqual({ problem: expect.objectContaining({ line: 2, col: 2 }) });
    // an overlong encoding of "/" and a UTF-16 surrogate are not UTF-8 either
    expect(decodeText(Buffer.from([0x61, 0xc0, 0xaf]))).toEqual({ problem: expect.objectContaining({ line: 1, col: 2 }) });
    expect(decodeText(Buffer.from([0xed, 0xa0, 0x80]))).toEqual({ problem: expect.objectContaining({ line: 1, col: 1 }) });
  });

  test("makeFolder creates missing parents, refuses a file, and returns for /proc instead of looping", () => {
    const dir = fresh();
    makeFolder(path.join(dir, "a", "b", "c"));
    expect(fs.statSync(path.join(dir, "a", "b", "c")).isDirectory()).toBe(true);
    fs.writeFileSync(path.join(dir, "file"), "");
    expect(() => makeFolder(path.join(dir, "file"))).toThrow(/is a file, not a folder/);
    if (process.platform === "linux") expect(() => makeFolder("/proc/werkplek-test/x")).toThrow();
  });

  test("this test run keeps its temporary files in its own folder, removed at the end (jest globalSetup/globalTeardown)", () => {
    expect(path.basename(os.tmpdir())).toMatch(/^werkplek-jest-/);
    expect(os.tmpdir()).toBe(process.env.WERKPLEK_TEST_TMPDIR);
  });
});
