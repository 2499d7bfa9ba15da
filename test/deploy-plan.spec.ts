/**
 * cli/deploy-plan.ts: what the deploy workflow's plan job applies and what waits for the next run
 * (the end-to-end run through stacks.sh is in test/workflows.spec.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { DeployPlanState, outputsRead, planOutcome, record, run, waitingNotes, waitsFor } from "../cli/deploy-plan";
import { App } from "cdktf";
import { buildTenant } from "../stacks/tenant";
import { kraainem, tempDir } from "./helpers";

const EMPTY: DeployPlanState = { apply: [], changedOutputs: {}, waiting: {} };

describe("planOutcome", () => {
  test.each([
    ["no changes", { resource_changes: [{ change: { actions: ["no-op"] } }] }, { changes: false, changedOutputs: [] }],
    ["data sources read at apply only", { resource_changes: [{ change: { actions: ["read"] } }] }, { changes: false, changedOutputs: [] }],
    ["an update", { resource_changes: [{ change: { actions: ["update"] } }] }, { changes: true, changedOutputs: [] }],
    ["a replacement", { resource_changes: [{ change: { actions: ["delete", "create"] } }] }, { changes: true, changedOutputs: [] }],
    [
      "only outputs (they must be applied so the stacks reading them see them)",
      { output_changes: { b: { actions: ["update"] }, a: { actions: ["create"] }, c: { actions: ["no-op"] } } },
      { changes: true, changedOutputs: ["a", "b"] },
    ],
    ["an empty plan", {}, { changes: false, changedOutputs: [] }],
  ])("%s", (_what, plan, expected) => {
    expect(planOutcome(plan)).toEqual(expected);
  });
});

describe("outputsRead: the other stacks' outputs a synthesized stack reads", () => {
  test("the example's conditional access stack reads identity and remote-access outputs (local state: by path)", () => {
    // cross-stack references are wired when the whole app synthesizes
    const outdir = tempDir("werkplek-deploy-plan-app-");
    const app = new App({ outdir });
    buildTenant(app, kraainem());
    app.synth();
    const stack = (area: string) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", `kraainem-${area}`, "cdk.tf.json"), "utf8"));
    const read = outputsRead(stack("conditional-access"));
    expect(Object.keys(read).sort()).toEqual(["kraainem-identity", "kraainem-remote-access"]);
    expect(read["kraainem-remote-access"]).toEqual([expect.stringMatching(/^cross-stack-output-azuread_applicationawingu-app.*client_id$/)]);
    expect(read["kraainem-identity"].length).toBeGreaterThan(0);
    expect(outputsRead(stack("identity"))).toEqual({});
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test("remote state in the state storage account: the producer by its key", () => {
    const json = {
      data: { terraform_remote_state: { "cross-stack-reference-input-x-identity": { backend: "azurerm", config: { key: "x-identity.tfstate" } } } },
      resource: { a: { b: { c: "${data.terraform_remote_state.cross-stack-reference-input-x-identity.outputs.out-1}" } } },
    };
    expect(outputsRead(json)).toEqual({ "x-identity": ["out-1"] });
  });
});

describe("waitsFor and record", () => {
  const reader = {
    data: { terraform_remote_state: { r: { config: { key: "t-identity.tfstate" } } } },
    output: { o: { value: "${data.terraform_remote_state.r.outputs.group-a}" } },
  };

  test("a stack waits only when an output it reads changes in this run", () => {
    const changedOther = record(EMPTY, "t-identity", { output_changes: { "group-b": { actions: ["create"] } } });
    expect(waitsFor(reader, changedOther)).toEqual([]);
    const changedRead = record(EMPTY, "t-identity", { output_changes: { "group-a": { actions: ["update"] } } });
    expect(waitsFor(reader, changedRead)).toEqual(["t-identity"]);
    expect(changedRead).toMatchObject({ apply: ["t-identity"], applied: true });
    expect(record(EMPTY, "t-devices", { resource_changes: [{ change: { actions: ["no-op"] } }] })).toMatchObject({ apply: [], applied: false });
  });

  test("the notes for the plan summary name the waiting stack and what it waits for", () => {
    expect(waitingNotes({ ...EMPTY, waiting: { "t-collaboration": ["t-identity"] } })).toEqual([
      expect.stringMatching(/^t-collaboration is not planned in this run: it reads outputs that this run changes in t-identity\. The next deploy run plans it/),
    ]);
  });
});

describe("the command line stacks.sh uses: one call per planned stack", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir("werkplek-deploy-plan-")));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");

  test("record keeps the order, the waiting stacks and their notes in the plans folder", () => {
    const said: string[] = [];
    const say = (s: string) => said.push(s);
    const folder = (name: string, json: unknown) => {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, "cdk.tf.json"), JSON.stringify(json));
      return path.join(dir, name);
    };
    const reads = (output: string) => ({ data: { terraform_remote_state: { r: { config: { key: "t-identity.tfstate" } } } }, locals: { x: `\${data.terraform_remote_state.r.outputs.${output}}` } });
    const collaboration = folder("t-collaboration", reads("g"));
    const devices = folder("t-devices", reads("other"));
    fs.writeFileSync(path.join(dir, "identity.json"), JSON.stringify({ output_changes: { g: { actions: ["create"] } } }));
    fs.writeFileSync(path.join(dir, "devices.json"), JSON.stringify({ resource_changes: [{ change: { actions: ["no-op"] } }] }));
    expect(run(["record", dir, "t-identity", path.join(dir, "identity.json"), collaboration, devices], say)).toBe(0);
    expect(run(["record", dir, "t-devices", path.join(dir, "devices.json")], say)).toBe(0);
    expect(said).toEqual(["apply\n", "unchanged\n"]);
    expect(read("deploy-plan.order")).toBe("t-identity\n");
    expect(read("deploy-plan.waiting")).toBe("t-collaboration\n");
    expect(read("deploy-plan.notes")).toMatch(/^t-collaboration is not planned in this run: it reads outputs that this run changes in t-identity\./);
  });

  test("anything but record with its arguments is exit 2", () => {
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(run(["wait", dir], () => undefined)).toBe(2);
    expect(err).toHaveBeenCalledWith(expect.stringContaining("usage: record <plans dir> <stack> <plan.json>"));
    err.mockRestore();
  });
});
