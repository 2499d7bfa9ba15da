import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { staleStackFolders } from "../stacks/synthesized";
import { generateTenants } from "../bench/tenants";
import { AREAS } from "../stacks/werkplek-stack";
import { ROOT, tempDir } from "./helpers";

/** PATH without any folder that holds a terraform binary: CI and developers may have none. */
const PATH_WITHOUT_TERRAFORM = (process.env.PATH ?? "")
  .split(path.delimiter)
  .filter((dir) => !fs.existsSync(path.join(dir, "terraform")))
  .join(path.delimiter);

/** Runs the app as `npm run synth` does, into a temporary output folder, without terraform. */
function synth(outdir: string, tenantsDir?: string, selection?: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: PATH_WITHOUT_TERRAFORM, CDKTF_OUTDIR: outdir, ...extraEnv };
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
  test("writes a cdk.tf.json per area for the example tenant and prints one summary line per tenant; removes the stack folders of removed tenants", () => {
    const out = fresh();
    // a tenant renamed or deleted since the last synth: its folders would pass for "unchanged" in a diff
    const stale = ["zaventem-identity", "zaventem-state"].map((name) => path.join(out, "stacks", name));
    for (const dir of stale) fs.mkdirSync(path.join(dir, ".terraform"), { recursive: true });
    fs.writeFileSync(path.join(stale[0], ".terraform", "terraform.tfstate"), "{}"); // terraform init's backend cache, not state
    fs.mkdirSync(path.join(out, "stacks", "notes")); // not named <tenant>-<area>: not the synth's
    const r = synth(out);
    // the example keeps its placeholders: exactly one warning line says so, nothing else is on stderr
    expect(r.stderr).toMatch(/^warning: tenants\/kraainem\.yaml has \d+ placeholder\(s\), first at line \d+ \(tenantId\); 'werkplek validate --strict' refuses them before a deploy\n$/);
    expect(r.status).toBe(0);
    for (const area of AREAS) expect(fs.existsSync(path.join(out, "stacks", `kraainem-${area}`, "cdk.tf.json"))).toBe(true);
    expect(r.stdout).toMatch(/^werkplek: kraainem: state \d+, identity \d+, collaboration \d+, devices \d+, remote-access \d+, conditional-access \d+ resources$/m);
    expect(r.stdout).toContain("werkplek: removed the stack folders no tenant has any more: zaventem-identity, zaventem-state\n");
    expect(stale.some((d) => fs.existsSync(d))).toBe(false);
    expect(fs.existsSync(path.join(out, "stacks", "notes"))).toBe(true);
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

describe("stack folders no tenant has any more (a renamed or deleted tenant)", () => {
  const stack = (out: string, name: string, files: Record<string, string> = {}) => {
    const dir = path.join(out, "stacks", name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), "{}");
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
    return dir;
  };

  test("one holding local state is refused and kept: exit 2 naming folder and file, nothing synthesized", () => {
    const out = fresh();
    const identity = stack(out, "zaventem-identity");
    const state = stack(out, "zaventem-state", { "terraform.zaventem-state.tfstate": '{"version":4}' });
    const refused = synth(out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${state} holds local Terraform state (terraform.zaventem-state.tfstate), but there is no tenants/zaventem.yaml any more`);
    expect(refused.stderr).toContain("never a state file");
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(out, "stacks", "kraainem-identity"))).toBe(false);
    expect([identity, state].every((d) => fs.existsSync(d))).toBe(true);
  });

  test("run by the cdktf CLI (CDKTF_CONTEXT_JSON), the folders are left for the CLI to remove; one with state is still refused", () => {
    const out = fresh();
    const identity = stack(out, "zaventem-identity");
    const r = synth(out, undefined, undefined, { CDKTF_CONTEXT_JSON: "{}" });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("removed the stack folders");
    expect(fs.existsSync(identity)).toBe(true);
    stack(out, "zaventem-state", { "terraform.zaventem-state.tfstate": '{"version":4}' });
    expect(synth(out, undefined, undefined, { CDKTF_CONTEXT_JSON: "{}" }).status).toBe(2);
  });

  test("what counts as stale: removed tenants and areas a built tenant no longer has; never a tenant that was not built", () => {
    const out = fresh();
    for (const name of ["kraainem-identity", "kraainem-remote-access", "zaventem-identity", "tervuren-identity"]) stack(out, name);
    stack(out, "tervuren-devices", { "terraform.tfstate.d/test/terraform.tfstate": "{}", "terraform.tervuren-devices.tfstate.backup": "{}" });
    const stale = staleStackFolders(out, { tenants: ["kraainem", "tervuren"], built: ["kraainem"], stacks: ["kraainem-identity"] });
    expect(stale.map((s) => [s.name, s.tenant, s.stateFiles])).toEqual([
      ["kraainem-remote-access", "kraainem", []],
      ["zaventem-identity", "zaventem", []],
    ]);
    const all = staleStackFolders(out, { tenants: ["kraainem"], built: ["kraainem"], stacks: ["kraainem-identity"] });
    expect(all.find((s) => s.name === "tervuren-devices")?.stateFiles).toEqual(["terraform.tervuren-devices.tfstate.backup", "terraform.tfstate.d/test/terraform.tfstate"]);
  });
});

test("npm run synth:cdktf sends no usage report (no lookup of checkpoint-api.hashicorp.com, no error offline)", () => {
  const dir = tempDir();
  dirs.push(dir);
  const log = path.join(dir, "dns.log");
  // every DNS lookup is logged and fails, as on a machine without internet
  const offline = path.join(dir, "offline.js");
  fs.writeFileSync(
    offline,
    `const dns = require("dns");
dns.lookup = (host, ...rest) => {
  require("fs").appendFileSync(${JSON.stringify(log)}, host + "\\n");
  process.nextTick(() => rest[rest.length - 1](Object.assign(new Error("getaddrinfo ENOTFOUND " + host), { code: "ENOTFOUND" })));
};
`,
  );
  const script = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts["synth:cdktf"];
  expect(script).toBe("node bin/cdktf-synth.js");
  // a one-stack app: the report is sent after a successful synth, whatever the app
  const app = `node -e "const c = require('cdktf'); const a = new c.App(); new c.TerraformStack(a, 'x'); a.synth()"`;
  const r = spawnSync(process.execPath, ["bin/cdktf-synth.js", "--app", app, "--output", path.join(dir, "out")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH: PATH_WITHOUT_TERRAFORM, NODE_OPTIONS: `--require ${offline}`, CHECKPOINT_DISABLE: "" },
  });
  expect(r.status).toBe(0);
  expect(fs.existsSync(path.join(dir, "out", "stacks", "x", "cdk.tf.json"))).toBe(true);
  expect(fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "").not.toContain("checkpoint-api.hashicorp.com");
  expect(r.stdout + r.stderr).not.toMatch(/ENOTFOUND|checkpoint/);
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
    // the generated files keep the example's placeholders: one warning each, for the selected tenants only
    expect(r.stderr.match(/^warning: .*?(gemeente-\d+)\.yaml has \d+ placeholder\(s\)/gm)?.map((l) => /gemeente-\d+/.exec(l)![0])).toEqual(["gemeente-01", "gemeente-03"]);
    expect(r.stderr.replace(/^warning: .*placeholder\(s\).*\n/gm, "")).toBe("");
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
