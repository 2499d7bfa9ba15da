import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { generateTenants } from "../bench/tenants";
import { AREAS } from "../stacks/werkplek-stack";
import { ROOT, tempDir } from "./helpers";

/** PATH without any folder that holds a terraform binary: CI and developers may have none. */
const PATH_WITHOUT_TERRAFORM = (process.env.PATH ?? "")
  .split(path.delimiter)
  .filter((dir) => !fs.existsSync(path.join(dir, "terraform")))
  .join(path.delimiter);

/** Runs the app as `npm run synth` does, into a temporary output folder, without terraform. */
function synth(outdir: string, tenantsDir?: string, selection?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: PATH_WITHOUT_TERRAFORM, CDKTF_OUTDIR: outdir };
  delete env.WERKPLEK_TENANT;
  if (tenantsDir) env.WERKPLEK_TENANTS_DIR = tenantsDir;
  if (selection !== undefined) env.WERKPLEK_TENANT = selection;
  return spawnSync(process.execPath, ["-r", "./bin/register.js", "main.ts"], { cwd: ROOT, encoding: "utf8", env });
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, "out");
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("synth (the app as `npm run synth` runs it, on a machine without terraform)", () => {
  test("writes a cdk.tf.json per area for the example tenant and prints one summary line per tenant", () => {
    const out = fresh();
    const r = synth(out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const area of AREAS) expect(fs.existsSync(path.join(out, "stacks", `kraainem-${area}`, "cdk.tf.json"))).toBe(true);
    expect(r.stdout).toMatch(/^werkplek: kraainem: state \d+, identity \d+, collaboration \d+, devices \d+, remote-access \d+, conditional-access \d+ resources$/m);
    // the committed provider lock file is copied into every stack folder, or its absence is said
    const copied = AREAS.map((area) => fs.existsSync(path.join(out, "stacks", `kraainem-${area}`, ".terraform.lock.hcl")));
    if (fs.existsSync(path.join(ROOT, ".terraform.lock.hcl"))) expect({ copied, said: r.stdout }).toEqual({ copied: AREAS.map(() => true), said: expect.stringContaining("copied into 6 stack folder(s)") });
    else expect({ copied, said: r.stdout }).toEqual({ copied: AREAS.map(() => false), said: expect.stringContaining("no provider lock file (.terraform.lock.hcl) in the repository") });
  });

  test("is deterministic: two synths are byte-identical", () => {
    const a = fresh();
    const b = fresh();
    expect(synth(a).status).toBe(0);
    expect(synth(b).status).toBe(0);
    const fa = filesUnder(a);
    expect(Object.keys(fa).length).toBeGreaterThan(6);
    expect(filesUnder(b)).toEqual(fa);
  });

  test("a bad tenant file stops synth with exit 2, file, line and field, no stack trace, nothing written", () => {
    const out = fresh();
    const r = synth(out, path.join(ROOT, "test/fixtures/bad-tenants"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/test\/fixtures\/bad-tenants\/wrong-fields\.yaml:3:11 tenantId: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("broken YAML: exit 2 with the line of the error", () => {
    const r = synth(fresh(), path.join(ROOT, "test/fixtures/broken-yaml"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:5:3 invalid YAML/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("WERKPLEK_TENANT: build only the named tenants, validate every file", () => {
  let tenants: string;
  beforeAll(() => {
    tenants = generateTenants(3);
    dirs.push(tenants);
  });
  const stacksIn = (out: string) => fs.readdirSync(path.join(out, "stacks")).sort();

  test("one or several names: only their six stacks each, one summary line each", () => {
    const out = fresh();
    const r = synth(out, tenants, "gemeente-03, gemeente-01");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(stacksIn(out)).toEqual(["gemeente-01", "gemeente-03"].flatMap((t) => AREAS.map((a) => `${t}-${a}`)).sort());
    expect(r.stdout.match(/^werkplek: gemeente-\d+: state/gm)).toEqual(["werkplek: gemeente-01: state", "werkplek: gemeente-03: state"]);
    expect(r.stdout).toMatch(/^werkplek guardrails: gemeente-01, gemeente-03: /m);
    expect(r.stdout).not.toMatch(/gemeente-02/);
  });

  test("an unknown name: exit 2, the known names listed, nothing synthesized", () => {
    const out = fresh();
    const r = synth(out, tenants, "gemeente-01,nergens");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('werkplek: WERKPLEK_TENANT names "nergens", which has no tenant file (tenants/nergens.yaml); allowed: gemeente-01, gemeente-02, gemeente-03, comma-separated; nothing synthesized\n');
    expect(fs.existsSync(out)).toBe(false);
  });

  test("the other files are still validated, cross-file checks included", () => {
    const copy = path.join(tempDir(), "tenants");
    dirs.push(path.dirname(copy));
    fs.cpSync(tenants, copy, { recursive: true });
    // gemeente-02 takes gemeente-03's tenant id: a half-edited copy of another municipality's file
    const id = /^tenantId: (\S+)/m.exec(fs.readFileSync(path.join(copy, "gemeente-03.yaml"), "utf8"))![1];
    const file = path.join(copy, "gemeente-02.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^tenantId: \S+/m, `tenantId: ${id}`));
    const r = synth(fresh(), copy, "gemeente-01");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/gemeente-0[23]\.yaml:\d+:\d+ tenantId: the tenant id "[^"]+" is also in tenants\/gemeente-0[23]\.yaml/);
  });
});
