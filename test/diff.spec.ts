import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { main } from "../cli/main";
import { compare } from "../cli/review/compare";
import { synthesizeRef } from "../cli/review/git-synth";
import { conditionalAccessWeakening, risksOf, teamsLoosenings } from "../cli/review/risks";
import { renderDiff } from "../cli/review/markdown";
import { readStackSet } from "../cli/review/stack-set";
import { areaOf } from "../stacks/synthesized";
import { buildTenant } from "../stacks/tenant";
import { kraainemRaw, tempDir, tenantFrom } from "./helpers";

const FIXTURES = path.join(__dirname, "fixtures", "diff");
const BASE = path.join(FIXTURES, "base");
const HEAD = path.join(FIXTURES, "head");

function run(...argv: string[]) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }));
}

describe("werkplek diff on hand-made synthesized outputs", () => {
  test("diff and drift are registered commands with --help", async () => {
    expect((await run("--help")).out).toMatch(/diff .*\n.*drift /s);
    expect(await run("diff", "--help")).toMatchObject({ code: 0, out: expect.stringContaining("Usage: werkplek diff --base <dir|git-ref>") });
    expect(await run("drift", "--help")).toMatchObject({ code: 0, out: expect.stringContaining("Usage: werkplek drift [<plan.json>...] [--teams <desired.json> <exported.json>]") });
  });

  test("identical outputs: No changes, exit 0 even with --fail-on-risk", async () => {
    const r = await run("diff", "--base", BASE, "--head", BASE, "--fail-on-risk");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^## werkplek diff\n\nNo changes\./);
  });

  test("--fail-on-risk exits 1 when a flag is raised; without it the exit code is 0", async () => {
    expect((await run("diff", "--base", BASE, "--head", HEAD, "--fail-on-risk")).code).toBe(1);
    expect((await run("diff", "--base", BASE, "--head", HEAD)).code).toBe(0);
  });

  test("every kind of risk flag is raised, each on the resource that causes it", () => {
    const result = compare(readStackSet(BASE, "--base"), readStackSet(HEAD, "--head"));
    const flags = result.changes.flatMap((c) => c.risks.map((r) => `${r.kind} | ${c.label} | ${r.message}`));
    expect(flags).toEqual(
      expect.arrayContaining([
        'ca-weakened | conditional access policy "CA001 Blokkeer verouderde authenticatie" | state enabled → report-only',
        'ca-weakened | conditional access policy "CA002 MFA voor alle gebruikers" | exclusion added: groups {group "GRP-Gemeenteraad"}',
        'ca-weakened | conditional access policy "CA003 Telewerk op prive-computers" | sign-in frequency longer (12 hours)',
        'protected-deleted | group "GRP-Oud-Archief" | the object is destroyed, with what refers to it (memberships, licences, policy assignments)',
        'protected-replaced | key vault "kv-kraainem-awingu" | destroyed and created again with a new object id',
        expect.stringMatching(/^nsg-internet \| network security group "nsg-kraainem-agw" \| rule "AllowSshBeheer" opens to the internet: allow inbound Tcp 22 from \*/),
        "nsg-internet | NSG rule \"AllowRdpFromBastion\" | opens to the internet: allow inbound Tcp 3389 from Internet to * (priority 200)",
        "group-creation | Microsoft 365 group settings (Group.Unified) | EnableGroupCreation false → true: every user may create Microsoft 365 groups and Teams",
        "teams-loosened | Teams policies | AutoAdmittedUsers EveryoneInCompanyExcludingGuests → Everyone",
        "teams-loosened | Teams policies | AllowedDomainsAsAList allows example.com",
        expect.stringMatching(/^teams-loosened \| Teams policies \| AllowCloudRecording no longer managed \(was false; the tenant keeps its value/),
      ]),
    );
    // the existing HTTPS rule and the new report-only policy and council meeting policy are not risks
    expect(flags.join("\n")).not.toMatch(/AllowHttpsInbound|CA004|Gemeenteraad.*AllowCloudRecording/);
    expect(result.suppressions.map((s) => s.finding.rule)).toEqual(["WP-CA-004", "WP-NET-001"]);
    expect(result.riskCount).toBe(13);
  });

  test("Markdown: grouped by area in review order (identity, conditional access, Teams, devices, remote access, state), policies in words", async () => {
    const { out } = await run("diff", "--base", BASE, "--head", HEAD);
    const order = ["### Risk flags", "### Identity", "### Conditional access", "### Teams", "### Remote access", "### Guardrails"].map((h) => out.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toContain('#### − group "GRP-Oud-Archief" — deleted');
    expect(out).toContain('- **Who:** all users, except groups 11111111-2222-3333-4444-555555555555, {group "GRP-Gemeenteraad"}\n  - was: all users, except groups 11111111-2222-3333-4444-555555555555');
    expect(out).toContain("- **Grant:** require authentication strength MFA");
    expect(out).toContain("- **State:** report-only\n  - was: enabled");
    expect(out).toContain("| `state` | `enabled` | `enabledForReportingButNotEnforced` |");
    expect(out).toContain("- `AllowRdpFromBastion`: allow inbound Tcp 3389 from Internet to * (priority 200)\n  - was: `AllowRdpFromBastion`: allow inbound Tcp 3389 from 10.20.3.0/26");
    // the asset folder is named after the content hash: the document is updated, not deleted and created
    expect(out).toContain("#### ~ Teams policies — updated\n`document assets/teams-policies/*/teams-policies.json`");
    expect(out).toContain('_address changed from `azurerm_key_vault.key-vault`');
    expect(out).toContain('`WP-NET-001` (error) on `kraainem-remote-access` `azurerm_network_security_group.nsg-gateway` is now suppressed: SSH open to the internet — reason: "tijdelijk voor de leverancier"');
  });

  test("a suppression is only a flag when both sides ran the guardrails", () => {
    const base = { ...readStackSet(BASE, "--base"), guardrails: undefined };
    expect(compare(base, readStackSet(HEAD, "--head")).suppressions).toEqual([]);
  });

  test("output is cut at --max-chars with a note", async () => {
    const r = await run("diff", "--base", BASE, "--head", HEAD, "--max-chars", "3000");
    expect(r.out.length).toBeLessThanOrEqual(3000);
    expect(r.out).toMatch(/✂️ \d+ more blocks? not shown \([\d,]+ of the [\d,]+ characters\), to stay within 3,000 characters \(--max-chars\)\. For everything, run `npx werkplek diff` with a larger --max-chars\.\n$/);
    expect(r.out).not.toContain("locally");
    const full = await run("diff", "--base", BASE, "--head", HEAD);
    expect(full.out.length).toBeLessThanOrEqual(65_000);
    expect(full.out).not.toContain("✂️");
    // the note's counts are the report's: what was left out of how much
    const [, left, total] = /\(([\d,]+) of the ([\d,]+) characters\)/.exec(r.out)!.map((n) => Number(n.replace(/,/g, "")));
    expect(total).toBe([...full.out].length);
    expect(left).toBe(total - [...r.out.slice(0, r.out.indexOf("\n> ✂️"))].length);
  });

  test("bad input exits 2 naming the flag and folder", async () => {
    const missing = await run("diff", "--head", HEAD);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining("--base <dir|git-ref> is required") });
    const empty = tempDir();
    try {
      const r = await run("diff", "--base", empty, "--head", HEAD);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--base ${empty}: no synthesized stacks found`);
      const head = await run("diff", "--base", BASE, "--head", path.join(empty, "nope"));
      expect(head.code).toBe(2);
      expect(head.err).toContain("--head");
      const ref = await run("diff", "--base", "no-such-branch-xyz", "--head", HEAD);
      expect(ref.code).toBe(2);
      expect(ref.err).toContain("--base no-such-branch-xyz: neither a folder nor a git ref");
      expect((await run("diff", "--base", BASE, "--head", HEAD, "--max-chars", "lots")).code).toBe(2);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("conditional access weakening rules", () => {
  const policy = {
    display_name: "CA",
    state: "enabled",
    conditions: { users: { included_users: ["All"], excluded_groups: ["bg"] }, applications: { included_applications: ["All"] }, client_app_types: ["all"] },
    grant_controls: { operator: "AND", built_in_controls: ["mfa", "compliantDevice"], authentication_strength_policy_id: "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004" },
  };
  const clone = () => JSON.parse(JSON.stringify(policy));

  test("unchanged policy: nothing", () => {
    expect(conditionalAccessWeakening(policy, clone())).toEqual([]);
  });

  test("control removed, weaker strength, AND → OR, scope narrowed, disabled", () => {
    const p = clone();
    p.grant_controls.built_in_controls = ["mfa"];
    expect(conditionalAccessWeakening(policy, p)).toEqual(["grant control removed: compliantDevice"]);
    p.grant_controls.authentication_strength_policy_id = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002";
    p.grant_controls.operator = "OR";
    p.conditions.applications.included_applications = ["Office365"];
    p.state = "disabled";
    expect(conditionalAccessWeakening(policy, p)).toEqual([
      "state enabled → disabled",
      "grant control removed: compliantDevice",
      "authentication strength weakened",
      "grant controls now any-of (OR) instead of all-of (AND)",
      "scope narrowed: apps All no longer included",
    ]);
  });

  test("stronger changes are not flagged; a new policy is not 'weakened'", () => {
    const p = clone();
    p.grant_controls.built_in_controls.push("approvedApplication");
    p.conditions.users.excluded_groups = [];
    expect(conditionalAccessWeakening(policy, p)).toEqual([]);
    expect(risksOf("azuread_conditional_access_policy", "create", undefined, { ...policy, state: "disabled" })).toEqual([]);
  });

  test("plan (state) shape with one-element block lists reads the same", () => {
    const asState = (p: any) => ({ ...p, conditions: [{ ...p.conditions, users: [p.conditions.users], applications: [p.conditions.applications] }], grant_controls: [p.grant_controls] });
    const p = clone();
    p.conditions.users.excluded_groups = ["bg", "raad"];
    expect(conditionalAccessWeakening(asState(policy), asState(p))).toEqual(["exclusion added: groups raad"]);
  });
});

describe("werkplek diff on the example tenant", () => {
  let dir: string;
  let httpRaw: any;
  beforeAll(() => {
    dir = tempDir();
    const synth = (name: string, raw: Record<string, any>) => {
      const app = new App({ outdir: path.join(dir, name) });
      buildTenant(app, tenantFrom(raw));
      app.synth();
    };
    const raw = kraainemRaw() as any;
    synth("base", raw);
    const changed = kraainemRaw() as any;
    delete changed.groups.omgeving;
    changed.groups.secretariaat.displayName = "GRP-Secretariaat-Raad";
    synth("head", changed);
    httpRaw = kraainemRaw() as any;
    httpRaw.remoteAccess.gateway = { ...httpRaw.remoteAccess.gateway, httpRedirectFromInternet: true };
    synth("http", httpRaw);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("same tenant file twice: No changes", async () => {
    const r = await run("diff", "--base", path.join(dir, "base"), "--head", path.join(dir, "base"));
    expect(r.out).toContain("No changes.");
  });

  test("a brand-new tenant: the gateway's HTTPS door (and HTTP when opted in) is not flagged; every other opening is", () => {
    const empty = { source: "empty", stacks: {} };
    const nsgFlags = (r: ReturnType<typeof compare>) => r.changes.flatMap((c) => c.risks.filter((x) => x.kind === "nsg-internet").map((x) => `${c.label}: ${x.message}`));
    const head = readStackSet(path.join(dir, "base"), "--head");
    expect(nsgFlags(compare(empty, head))).toEqual([]);

    const optedIn = tenantFrom(httpRaw);
    const http = readStackSet(path.join(dir, "http"), "--head");
    expect(JSON.stringify(http.stacks)).toContain("AllowHttpRedirectFromInternet");
    expect(nsgFlags(compare(empty, http, { tenantFile: () => optedIn }))).toEqual([]);
    // the same rule without the tenant's opt-in is what WP-NET-007 refuses
    expect(nsgFlags(compare(empty, http, { tenantFile: () => tenantFrom(kraainemRaw()) }))).toEqual([
      'NSG rule "AllowHttpRedirectFromInternet": opens to the internet: allow inbound Tcp 80 from Internet to * (priority 110)',
    ]);

    // SSH and 8080 on the gateway's NSG, HTTPS on another NSG: flagged
    const stack = JSON.parse(JSON.stringify(head.stacks["kraainem-remote-access"]));
    const rules = stack.json.resource.azurerm_network_security_rule;
    const https = Object.values(rules).find((r: any) => r.name === "AllowHttpsFromInternet") as any;
    const bastion = Object.values(rules).find((r: any) => r.name === "AllowHttpsFromAdmins") as any;
    rules.ssh = { ...https, name: "AllowSsh", priority: 120, destination_port_range: "22" };
    rules.installer = { ...https, name: "AllowInstaller", priority: 130, destination_port_range: "8080" };
    rules.elsewhere = { ...https, name: "AllowHttpsBastion", priority: 140, network_security_group_name: bastion.network_security_group_name };
    const opened = { ...head, stacks: { ...head.stacks, "kraainem-remote-access": stack } };
    expect(nsgFlags(compare(empty, opened)).map((f) => f.replace(/: opens.*/, ""))).toEqual(['NSG rule "AllowHttpsBastion"', 'NSG rule "AllowInstaller"', 'NSG rule "AllowSsh"']);
  });

  test("a removed group is a protected deletion; a renamed group is an update by display name", async () => {
    const r = await run("diff", "--base", path.join(dir, "base"), "--head", path.join(dir, "head"), "--fail-on-risk");
    expect(r.code).toBe(1);
    expect(r.out).toContain("### Identity");
    expect(r.out).toMatch(/#### − group "GRP-Dienst-Omgeving" — deleted\n`azuread_group\.group-omgeving_[0-9A-F]+` in `kraainem-identity`/);
    expect(r.out).toContain("**protected resource deleted** · kraainem · group \"GRP-Dienst-Omgeving\"");
    expect(r.out).toContain('#### ~ group "GRP-Secretariaat-Raad" — updated');
    expect(r.out).toContain("| `display_name` | `GRP-Secretariaat` | `GRP-Secretariaat-Raad` |");
    expect(r.out).toContain("⚠️ **1 risk flag**");
  });
});

describe("--base <git ref>", () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.org", "-c", "user.name=t", ...args], { cwd: repo, encoding: "utf8" });
  // A stand-in app with the real entry point's shape: node -r ./bin/register.js main.ts, output in CDKTF_OUTDIR.
  const app = (group: string) =>
    `const fs = require("fs"); const p = require("path");\n` +
    `const dir = p.join(process.env.CDKTF_OUTDIR || "cdktf.out", "stacks", "demo-identity");\n` +
    `fs.mkdirSync(dir, { recursive: true });\n` +
    `fs.writeFileSync(p.join(dir, "cdk.tf.json"), JSON.stringify({ resource: { azuread_group: { g: { display_name: ${JSON.stringify(group)}, security_enabled: true } } } }));\n`;

  beforeAll(() => {
    repo = tempDir("werkplek-git-");
    fs.mkdirSync(path.join(repo, "bin"));
    fs.writeFileSync(path.join(repo, "bin", "register.js"), "// nothing to register in the stand-in app\n");
    fs.writeFileSync(path.join(repo, "main.ts"), app("GRP-Oud"));
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    fs.writeFileSync(path.join(repo, "main.ts"), app("GRP-Nieuw"));
    execFileSync(process.execPath, ["-r", "./bin/register.js", "main.ts"], { cwd: repo, env: { ...process.env, CDKTF_OUTDIR: path.join(repo, "cdktf.out") } });
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  test("synthesizes the ref in a temporary worktree and removes it afterwards", () => {
    const base = synthesizeRef("main", repo);
    try {
      const result = compare(readStackSet(base.outdir, "--base"), readStackSet(path.join(repo, "cdktf.out"), "--head"));
      expect(result.changes.map((c) => [c.label, c.attributes.map((a) => `${a.before} → ${a.after}`)])).toEqual([['group "GRP-Nieuw"', ["GRP-Oud → GRP-Nieuw"]]]);
    } finally {
      base.cleanup();
    }
    expect(fs.existsSync(base.outdir)).toBe(false);
    expect(git("worktree", "list").trim().split("\n")).toHaveLength(1);
  });

  test("guardrail errors on the ref (exit 1 with the output written) still give a base; exit 1 without output does not", () => {
    const stub = (body: string) => {
      fs.writeFileSync(path.join(repo, "main.ts"), body);
      git("commit", "-qam", "stand-in");
    };
    stub(app("GRP-Fout") + "process.stderr.write('WP-CA-001 error\\n'); process.exitCode = 1;\n");
    const base = synthesizeRef("HEAD", repo);
    try {
      expect(readStackSet(base.outdir, "--base").stacks["demo-identity"].json.resource?.azuread_group.g.display_name).toBe("GRP-Fout");
    } finally {
      base.cleanup();
    }
    stub("process.exit(1);\n");
    expect(() => synthesizeRef("HEAD", repo)).toThrow(/synthesizing [0-9a-f]{12} failed \(exit 1\)/);
    expect(git("worktree", "list").trim().split("\n")).toHaveLength(1);
  });

  test("a failing synth of the ref is reported, and the worktree is still removed", () => {
    fs.writeFileSync(path.join(repo, "main.ts"), "process.stderr.write('tenants/x.yaml:1:1 name: broken\\n'); process.exit(2);\n");
    git("commit", "-qam", "broken");
    expect(() => synthesizeRef("HEAD", repo)).toThrow(/--base HEAD: synthesizing [0-9a-f]{12} failed \(exit 2\):\ntenants\/x.yaml:1:1 name: broken/);
    expect(git("worktree", "list").trim().split("\n")).toHaveLength(1);
  });
});

describe("Teams apps (app-centric management)", () => {
  const doc = (defaults: string) => ({ apps: { tenantSettings: { DefaultApp: defaults, GlobalApp: "None", PrivateApp: "None" }, available: [] }, policies: [] });
  test("a catalogue opened to all apps is a loosening; closing it is not", () => {
    expect(teamsLoosenings(doc("None"), doc("All"))).toEqual(["DefaultApp None → All"]);
    expect(teamsLoosenings(doc("All"), doc("None"))).toEqual([]);
  });
});

describe("review wording and the newer risk flags", () => {
  const set = (stacks: Record<string, Record<string, Record<string, any>>>) => ({
    source: "mem",
    stacks: Object.fromEntries(Object.entries(stacks).map(([name, resource]) => [name, { name, area: areaOf(name), json: { resource }, documents: {} }])),
  });
  const none = { emergencyAccessGroup: () => undefined };
  const groupUnified = (enable: string, allowed: string) => ({
    url: "groupSettings",
    body: { templateId: "62375ab9-6b52-47ed-826b-58e47e0e304b", values: [{ name: "EnableGroupCreation", value: enable }, { name: "GroupCreationAllowedGroupId", value: allowed }] },
  });
  const flags = (r: ReturnType<typeof compare>) => r.changes.flatMap((c) => c.risks.map((x) => `${x.kind} | ${c.label} | ${x.message}`));

  test("Group.Unified: labelled as Microsoft 365 group settings; the creators group changed or creation opened to everyone is flagged", () => {
    const before = set({ "demo-collaboration": { msgraph_resource: { s: groupUnified("false", "aaaa") } } });
    const r = compare(before, set({ "demo-collaboration": { msgraph_resource: { s: groupUnified("false", "bbbb") } } }), none);
    expect(flags(r)).toEqual(["group-creation | Microsoft 365 group settings (Group.Unified) | GroupCreationAllowedGroupId changed: aaaa → bbbb (who may create groups and Teams)"]);
    const created = compare(set({}), set({ "demo-collaboration": { msgraph_resource: { s: groupUnified("true", "") } } }), none);
    expect(flags(created)).toEqual(["group-creation | Microsoft 365 group settings (Group.Unified) | EnableGroupCreation (new) → true: every user may create Microsoft 365 groups and Teams"]);
  });

  test("a named location of countries gaining a country, and a firewall Deny → Allow, are flagged (synthesized and plan shapes)", () => {
    const loc = (countries: string[]) => ({ display_name: "Toegelaten landen", country: { countries_and_regions: countries, include_unknown_countries_and_regions: false } });
    const r = compare(
      set({ "demo-identity": { azuread_named_location: { l: loc(["BE", "NL"]) } } }),
      set({ "demo-identity": { azuread_named_location: { l: loc(["BE", "NL", "RU"]) } } }),
      none,
    );
    expect(flags(r)).toEqual(['location-widened | named location "Toegelaten landen" | countries added: RU']);
    expect(risksOf("azuread_named_location", "update", loc(["BE", "NL"]), loc(["BE"]))).toEqual([]);

    const sa = (action: string) => ({ name: "stkraainemstate", network_rules: { default_action: action, ip_rules: ["198.51.100.7"] } });
    expect(risksOf("azurerm_storage_account", "update", sa("Deny"), sa("Allow"))).toEqual([
      { kind: "firewall-opened", message: "network_rules default_action Deny → Allow: the firewall no longer denies by default" },
    ]);
    const kv = (action: string) => ({ name: "kv", network_acls: [{ default_action: action, bypass: "AzureServices" }] }); // plan (state) shape
    expect(risksOf("azurerm_key_vault", "update", kv("Deny"), kv("Allow")).map((x) => x.kind)).toEqual(["firewall-opened"]);
    expect(risksOf("azurerm_key_vault", "update", kv("Allow"), kv("Deny"))).toEqual([]);
  });

  test("VM password sign-in and storage account keys, public containers, HTTP and older TLS are flagged; a left-out attribute counts as the provider default", () => {
    const weakened = (type: string, before: Record<string, any>, after: Record<string, any>) =>
      risksOf(type, "update", before, after).filter((x) => x.kind === "setting-weakened").map((x) => x.message.replace(/:.*/, ""));
    expect(weakened("azurerm_linux_virtual_machine", { disable_password_authentication: true }, { disable_password_authentication: false })).toEqual(["disable_password_authentication true → false"]);
    expect(weakened("azurerm_linux_virtual_machine", { disable_password_authentication: false }, {})).toEqual([]); // default true: stronger
    const secure = { shared_access_key_enabled: false, allow_nested_items_to_be_public: false, https_traffic_only_enabled: true, min_tls_version: "TLS1_2" };
    expect(
      weakened("azurerm_storage_account", secure, { shared_access_key_enabled: true, allow_nested_items_to_be_public: true, https_traffic_only_enabled: false, min_tls_version: "TLS1_0" }),
    ).toEqual(["shared_access_key_enabled false → true", "allow_nested_items_to_be_public false → true", "https_traffic_only_enabled true → false", "min_tls_version TLS1_2 → TLS1_0"]);
    expect(weakened("azurerm_storage_account", secure, { min_tls_version: "TLS1_2" })).toEqual(["shared_access_key_enabled false → true", "allow_nested_items_to_be_public false → true"]);
    expect(weakened("azurerm_storage_account", { ...secure, min_tls_version: "TLS1_0" }, { ...secure, min_tls_version: "TLS1_2" })).toEqual([]);
    expect(risksOf("azurerm_storage_account", "create", undefined, { shared_access_key_enabled: true }).map((x) => x.kind)).not.toContain("setting-weakened");
  });

  test("the deletion text names what goes with the object, per type", () => {
    expect(risksOf("azuread_group", "delete", { display_name: "g" }, undefined)[0].message).toContain("(memberships, licences, policy assignments)");
    const ca = risksOf("azuread_conditional_access_policy", "delete", { display_name: "CA" }, undefined)[0].message;
    expect(ca).toBe("the policy is destroyed: its controls stop applying at once");
    expect(risksOf("azurerm_storage_account", "delete", { name: "st" }, undefined)[0].message).not.toContain("memberships");
  });

  test("the Teams apply step reads 'Teams policies are applied again (PowerShell)' without asset paths or the document hash", async () => {
    const step = (hash: string, sha: string, group: string) => ({
      provisioner: [{ "local-exec": { command: `assets/teams-policies_script_1/${hash}/Apply-TeamsPolicies.ps1`, interpreter: ["pwsh", "-File"], environment: { werkplek_teams_policies: `assets/doc/${hash}/teams-policies.json`, werkplek_group_raad: group } } }],
      triggers_replace: { teams_policies_sha256: sha, werkplek_group_raad: group },
    });
    const r = compare(
      set({ "demo-collaboration": { terraform_data: { apply: step("AAAA", "1111", "g-1") } } }),
      set({ "demo-collaboration": { terraform_data: { apply: step("BBBB", "2222", "g-2") } } }),
      none,
    );
    expect(r.changes).toHaveLength(1);
    const c = r.changes[0];
    expect(c.label).toBe("Teams policies are applied again (PowerShell)");
    expect(c.notes).toEqual(["because the Teams policies changed (see Teams policies)"]);
    expect(c.attributes.map((a) => `${a.path}: ${a.before} → ${a.after}`)).toEqual([
      "provisioner.local-exec.environment.werkplek_group_raad: g-1 → g-2",
      "triggers_replace.werkplek_group_raad: g-1 → g-2",
    ]);
    expect(JSON.stringify(c)).not.toMatch(/assets\/|sha256|1111|2222/);
  });

  test("the emergency-access group is named in conditional access descriptions (from the tenant file, or tolerant without it)", () => {
    const policy = (groups: string[]) => ({
      display_name: "CA",
      state: "enabled",
      conditions: { users: { included_users: ["All"], excluded_groups: groups }, applications: { included_applications: ["All"] }, client_app_types: ["all"] },
      grant_controls: { operator: "OR", built_in_controls: ["mfa"] },
    });
    const bg = "00000000-0000-0000-0000-0000000000c1"; // tenants/kraainem.yaml breakGlass.groupObjectId
    const base = (tenant: string) => set({ [`${tenant}-conditional-access`]: { azuread_conditional_access_policy: { p: policy([]) } } });
    const head = (tenant: string) => set({ [`${tenant}-conditional-access`]: { azuread_conditional_access_policy: { p: policy([bg]) } } });
    const fromFile = compare(base("kraainem"), head("kraainem"));
    expect(fromFile.changes[0].words?.after).toContain("**Who:** all users, except the emergency-access group");
    expect(fromFile.changes[0].risks.map((x) => x.message)).toEqual(["exclusion added: the emergency-access group"]);
    const more = compare(base("kraainem"), set({ "kraainem-conditional-access": { azuread_conditional_access_policy: { p: policy([bg, "g-1", "g-2"]) } } }));
    expect(more.changes[0].words?.after).toContain("**Who:** all users, except the emergency-access group and groups g-1, g-2");
    const noFile = compare(base("nergens"), head("nergens"));
    expect(noFile.changes[0].words?.after).toContain(`**Who:** all users, except groups ${bg}`);
  });

  test("a cut never leaves an area heading without its first change", () => {
    const big = (n: number) => ({ display_name: `GRP-${n}`, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`attribute_${i}`, "x".repeat(150)])) });
    const r = compare(set({}), set({ "demo-identity": { azuread_group: { a: big(1), b: big(2) } }, "demo-devices": { azurerm_resource_group: { rg: { name: "rg" } } } }), none);
    const out = renderDiff(r, { baseName: "b", headName: "h", maxChars: 1200 });
    expect(out).toContain("to stay within 1,200 characters (--max-chars)");
    expect(out).not.toContain("### Identity");
    for (const m of out.matchAll(/### [^\n]+\n\n/g)) expect(out.slice(m.index! + m[0].length)).toMatch(/^(####|- )/);
  });
});
