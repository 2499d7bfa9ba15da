import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { AREAS } from "../stacks/werkplek-stack";
import { ROOT, tempDir } from "./helpers";

/** PATH without any folder that holds a terraform binary: CI and developers may have none. */
const PATH_WITHOUT_TERRAFORM = (process.env.PATH ?? "")
  .split(path.delimiter)
  .filter((dir) => !fs.existsSync(path.join(dir, "terraform")))
  .join(path.delimiter);

/** Runs the app as `npm run synth` does, into a temporary output folder, without terraform. */
function synth(outdir: string, tenantsDir?: string) {
  return spawnSync(process.execPath, ["-r", "./bin/register.js", "main.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH: PATH_WITHOUT_TERRAFORM, CDKTF_OUTDIR: outdir, ...(tenantsDir ? { WERKPLEK_TENANTS_DIR: tenantsDir } : {}) },
  });
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
    // the example keeps its placeholders: exactly one warning line says so, nothing else is on stderr
    expect(r.stderr).toMatch(/^warning: tenants\/kraainem\.yaml has \d+ placeholder\(s\), first at line \d+ \(tenantId\); 'werkplek validate --strict' refuses them before a deploy\n$/);
    expect(r.status).toBe(0);
    for (const area of AREAS) expect(fs.existsSync(path.join(out, "stacks", `kraainem-${area}`, "cdk.tf.json"))).toBe(true);
    expect(r.stdout).toMatch(/^werkplek: kraainem: state \d+, identity \d+, collaboration \d+, devices \d+, remote-access \d+, conditional-access \d+ resources$/m);
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
