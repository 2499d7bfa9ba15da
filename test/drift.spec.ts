import * as fs from "fs";
import * as path from "path";
import { driftCommand } from "../cli/drift";
import { main } from "../cli/main";
import { attributeChanges } from "../cli/review/attributes";
import { opensToInternet } from "../cli/review/describe";
import { driftCount, driftReport, renderDrift, sectionFromDifferences } from "../cli/review/drift-report";
import { readPlan, redact } from "../cli/review/plan";
import { App } from "cdktf";
import { findTeamsDocument } from "../stacks/synthesized";
import { buildTenant } from "../stacks/tenant";
import { kraainem, ROOT, tempDir } from "./helpers";

const PLANS = path.join(__dirname, "fixtures", "plans");
const plan = (name: string) => path.join(PLANS, name);
const ALL = ["kraainem-conditional-access.json", "kraainem-identity-no-drift.json", "kraainem-identity-plan.json", "kraainem-remote-access.json"].map(plan);

// Secret values inside the fixtures, marked sensitive there; none may ever be printed.
const SECRETS = [
  "Sup3r-Geheim!Wachtwoord-2024",
  "c2VjcmV0LWtleS12YWx1ZS1uZXZlci1zaG93bg==",
  "b2xkLWtleS1uZXZlci1zaG93bg==",
  "AccountKey=",
  "I2Nsb3VkLWNvbmZpZwpsZGFwX2JpbmQ6IExkYXBCaW5kMTIzIQ==", // custom_data: a name that looks harmless, marked sensitive by the provider
];

function run(...argv: string[]) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }));
}

describe("werkplek drift", () => {
  test("the fixtures hold the secrets this suite guards against (so the masking tests can fail)", () => {
    const text = fs.readFileSync(plan("kraainem-remote-access.json"), "utf8");
    for (const s of SECRETS) expect(text).toContain(s);
  });

  test("drifted resources are named by address and display name, with expected → live per attribute", async () => {
    const r = await run("drift", ...ALL);
    expect(r.code).toBe(1);
    expect(r.out).toContain("**7 resources drifted** in 3 of 4 plans · ⚠️ **6 security-relevant**");
    expect(r.out).toContain('#### ~ conditional access policy "CA001 Blokkeer verouderde authenticatie" — changed outside terraform\n`azuread_conditional_access_policy.ca001`');
    expect(r.out).toContain("| `state` | `enabled` | `disabled` |");
    expect(r.out).toContain("| `conditions.users.excluded_users` | `[]` | `9f8e7d6c-0000-4000-8000-00000000beef` |");
    expect(r.out).toContain("| `description` | `Leden van de gemeenteraad` | `Raadsleden (portaal)` |");
    expect(r.out).toContain('#### − key vault "kv-kraainem-awingu" — deleted outside terraform\n`azurerm_key_vault.key-vault`');
    expect(r.out).toContain("| `disable_password_authentication` | `true` | `false` |");
  });

  test("security-relevant drift is flagged: policy disabled, exclusion added, rule opened to the internet, protected resource deleted, password sign-in and account keys enabled", async () => {
    const r = await run("drift", ...ALL);
    const flags = r.out.slice(r.out.indexOf("### Security-relevant drift"), r.out.indexOf("### kraainem-conditional-access"));
    expect(flags.trim().split("\n").slice(2)).toEqual([
      '- **conditional access weakened** · kraainem-conditional-access · conditional access policy "CA001 Blokkeer verouderde authenticatie": state enabled → disabled',
      '- **conditional access weakened** · kraainem-conditional-access · conditional access policy "CA002 MFA voor alle gebruikers": exclusion added: users 9f8e7d6c-0000-4000-8000-00000000beef',
      '- **NSG opened to the internet** · kraainem-remote-access · NSG rule "AllowRdpFromBastion": opens to the internet: allow inbound Tcp 3389 from * to * (priority 200)',
      '- **protected resource deleted** · kraainem-remote-access · key vault "kv-kraainem-awingu": deleted outside terraform; the next apply creates a new, empty object with a new id',
      '- **security setting weakened** · kraainem-remote-access · linux virtual machine "vm-kraainem-awingu": disable_password_authentication true → false: the VM accepts SSH sign-in with a password, not only with keys',
      '- **security setting weakened** · kraainem-remote-access · storage account "stkraainemstate": shared_access_key_enabled false → true: the account keys (and SAS tokens signed with them) work again, besides Entra ID',
    ]);
  });

  test("a secret in a drifted attribute never appears, in Markdown or JSON, while its change is still reported", async () => {
    for (const argv of [ALL, ["--json", ...ALL], ["--summary", ...ALL]]) {
      const r = await run("drift", ...argv);
      for (const s of SECRETS) expect(r.out).not.toContain(s);
    }
    const md = (await run("drift", ...ALL)).out;
    expect(md).toContain("| `admin_password` | `null` | `(sensitive value hidden)` |");
    expect(md).toContain("| `custom_data` | `null` | `(sensitive value hidden)` |");
    expect(md).toContain("| `primary_access_key` | `(sensitive value hidden)` | `(sensitive value hidden)` |");
    const json = JSON.parse((await run("drift", "--json", ...ALL)).out);
    const vm = json.sections.flatMap((s: any) => s.items).find((i: any) => i.address === "azurerm_linux_virtual_machine.awingu");
    expect(vm.attributes).toContainEqual({ path: "admin_password", before: "null", after: "(sensitive value hidden)" });
  });

  test("masking follows before_sensitive/after_sensitive into nested blocks and lists", () => {
    const { before, after } = redact({
      actions: ["update"],
      before: { name: "x", site_config: [{ app_settings: { TOKEN: "old-secret", MODE: "a" } }], keys: ["k1", "k2"] },
      after: { name: "x", site_config: [{ app_settings: { TOKEN: "new-secret", MODE: "b" } }], keys: ["k1", "k3"] },
      before_sensitive: { site_config: [{ app_settings: { TOKEN: true } }], keys: [false, true] },
      after_sensitive: { site_config: [{ app_settings: { TOKEN: true } }], keys: [false, true] },
    });
    const text = JSON.stringify([before, after]);
    for (const s of ["old-secret", "new-secret", "k2", "k3"]) expect(text).not.toContain(s);
    expect(text).toContain('"MODE":"b"');
    // a changed secret stays visible as a change
    expect(JSON.stringify(before)).not.toBe(JSON.stringify(after));
  });

  test("drift is decided from resource_drift, not from pending changes or terraform's exit code", async () => {
    const noDrift = await run("drift", plan("kraainem-identity-no-drift.json"));
    expect(noDrift).toMatchObject({ code: 0, out: expect.stringContaining("No drift") });
    // a normal plan with changes to make but no resource_drift is not drift
    const dir = tempDir();
    try {
      const p = JSON.parse(fs.readFileSync(plan("kraainem-identity-plan.json"), "utf8"));
      p.resource_drift = [];
      const file = path.join(dir, "kraainem-identity.json");
      fs.writeFileSync(file, JSON.stringify(p));
      const r = await run("drift", file);
      expect(r.code).toBe(0);
      expect(r.out).toContain("### Planned changes (code vs state, not drift)");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--summary: the plan summary for a pull request, exit 0 even with drift", async () => {
    const r = await run("drift", "--summary", "--title", "Plan: kraainem", plan("kraainem-identity-plan.json"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("## Plan: kraainem");
    expect(r.out).toContain("**kraainem-identity-plan**: 1 to create, 2 to update, 1 to replace, 1 to delete");
    expect(r.out).toContain('- ± group "ADM-ICT-Beheerders" (`azuread_group.group-ict-beheerders_65526940`) ⚠️ protected resource replaced');
    expect(r.out).toContain('- − group "GRP-Oud-Archief"');
    expect(r.out).not.toContain("azuread_client_config"); // data sources are reads, not changes
  });

  test("a resource masked as a whole (before_sensitive: true) is one hidden row, never its attribute names or values", async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "kraainem-remote-access.json");
      fs.writeFileSync(
        file,
        JSON.stringify({
          format_version: "1.2",
          resource_drift: [
            {
              address: "azurerm_key_vault_secret.ldap",
              mode: "managed",
              type: "azurerm_key_vault_secret",
              name: "ldap",
              change: {
                actions: ["update"],
                before: { name: "awingu-ldap-bind", value: "Oud-Geheim-1" },
                after: { name: "awingu-ldap-bind", value: "Nieuw-Geheim-2", extra_attribute: "x" },
                before_sensitive: true,
                after_sensitive: { value: true },
              },
            },
          ],
        }),
      );
      const r = await run("drift", file);
      expect(r.code).toBe(1);
      expect(r.out).toContain("| `(all attributes)` | `(sensitive value hidden)` | `(sensitive value hidden)` |");
      expect(r.out.match(/^\| `/gm)).toHaveLength(1);
      expect(r.out).not.toMatch(/Geheim|extra_attribute/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--note puts a visible warning under the heading (the drift workflow: Teams export failed)", async () => {
    const note = "The Teams policy export failed (see the run log): Teams policies were not compared tonight.";
    const r = await run("drift", "--title", "Drift: kraainem", "--note", note, plan("kraainem-identity-no-drift.json"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^## Drift: kraainem\n\n> ⚠️ The Teams policy export failed .*\n\nNo drift`));
    expect(JSON.parse((await run("drift", "--json", "--note", note, plan("kraainem-identity-no-drift.json"))).out).notes).toEqual([note]);
  });

  test("--json is machine-readable", async () => {
    const r = await run("drift", "--json", ...ALL);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ drift: true, drifted: 7, securityRelevant: 6 });
    expect(json.sections.map((s: any) => [s.title, s.items.length])).toEqual([
      ["kraainem-conditional-access", 2],
      ["kraainem-identity-no-drift", 0],
      ["kraainem-identity-plan", 1],
      ["kraainem-remote-access", 4],
    ]);
  });

  test("a plan entry without string type/name or actions is exit 2 naming the file and the entry, not a crash", async () => {
    const dir = tempDir();
    try {
      const good = { address: "azuread_group.g", type: "azuread_group", name: "g", change: { actions: ["update"], before: {}, after: {} } };
      for (const [key, entry, message] of [
        ["resource_drift", { ...good, type: undefined }, 'resource_drift[1] has no string "type"'],
        ["resource_changes", { ...good, name: 7 }, 'resource_changes[1] has no string "name"'],
        ["resource_drift", { ...good, change: { actions: "update" } }, 'resource_drift[1] has no "change.actions" list'],
        ["resource_changes", "x", "resource_changes[1] is not an object"],
      ] as const) {
        const file = path.join(dir, "bad.json");
        fs.writeFileSync(file, JSON.stringify({ format_version: "1.2", [key]: [good, entry] }));
        const r = await run("drift", file);
        expect({ code: r.code, err: r.err }).toEqual({ code: 2, err: expect.stringContaining(`${file}: ${message}`) });
        expect(r.err).not.toMatch(/\n\s+at /);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an unexpected exception is exit 70 with the stack (never 1, which means drift)", async () => {
    const spy = jest.spyOn(driftCommand, "run").mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'x')"));
    try {
      const r = await run("drift", plan("kraainem-identity-no-drift.json"));
      expect(r.code).toBe(70);
      expect(r.err).toContain("werkplek drift: internal error (exit 70): Cannot read properties of undefined (reading 'x')");
      expect(r.err).toContain("please report it");
      expect(r.err).toMatch(/\n\s+at /);
    } finally {
      spy.mockRestore();
    }
    expect((await run("--help")).out).toContain("70 internal error");
  });

  test("unreadable input exits 2 and names the file", async () => {
    for (const [file, message] of [
      [plan("not-json.json"), "not-json.json: not JSON"],
      [plan("unsupported-version.json"), 'unsupported-version.json: format_version "2.0" is not supported; allowed: 1.x'],
      [plan("missing.json"), "missing.json: cannot read the file (no such file)"],
    ]) {
      const r = await run("drift", plan("kraainem-identity-no-drift.json"), file);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect((await run("drift")).code).toBe(2);
  });

  test("every unreadable plan is named with its reason in one exit-2 message, not only the first", async () => {
    const r = await run("drift", plan("not-json.json"), plan("kraainem-identity-no-drift.json"), plan("missing.json"), plan("unsupported-version.json"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("werkplek drift: 3 of 4 plan files cannot be used:\n");
    expect(r.err).toContain(`  ${plan("not-json.json")}: not JSON`);
    expect(r.err).toContain(`  ${plan("missing.json")}: cannot read the file (no such file)`);
    expect(r.err).toContain(`  ${plan("unsupported-version.json")}: format_version "2.0" is not supported; allowed: 1.x`);
    expect(r.err).not.toContain("kraainem-identity-no-drift.json");
  });

  test("another comparer's differences (the Teams export) become a section with loosening flags", () => {
    const report = driftReport([readPlan(plan("kraainem-identity-no-drift.json"))]);
    report.sections.push(
      sectionFromDifferences("Teams policies", "teams-exported.json", [
        { subject: "TeamsMeetingPolicy Global", parameter: "AutoAdmittedUsers", expected: "EveryoneInCompanyExcludingGuests", actual: "Everyone" },
        { subject: "TeamsMeetingPolicy Global", parameter: "AllowCloudRecording", expected: true, actual: false },
      ]),
    );
    expect(driftCount(report)).toBe(1);
    const md = renderDrift(report, { maxChars: 65_000 });
    expect(md).toContain("**Teams setting loosened** · Teams policies · TeamsMeetingPolicy Global: AutoAdmittedUsers EveryoneInCompanyExcludingGuests → Everyone");
    expect(md).toContain("| `AllowCloudRecording` | `true` | `false` |");
    expect(md.match(/Teams setting loosened\*\* ·/g)).toHaveLength(1); // recording switched off is not looser
  });
});

describe("werkplek drift --teams", () => {
  let outdir: string;
  let desired: string;
  beforeAll(() => {
    outdir = tempDir();
    const app = new App({ outdir });
    buildTenant(app, kraainem());
    app.synth();
    desired = findTeamsDocument(path.join(outdir, "stacks", "kraainem-collaboration"));
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  async function drift(...argv: string[]) {
    let out = "";
    let err = "";
    const code = await main(["drift", ...argv], { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  }

  test("a Teams setting changed by hand is drift, flagged when it loosens a control", async () => {
    const r = await drift("--teams", desired, path.join(ROOT, "test/fixtures/teams/export-drifted.json"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("Teams policies");
    expect(r.out).toMatch(/TeamsMeetingPolicy Global[\s\S]*AllowCloudRecording/);
    expect(r.out).toMatch(/Teams setting loosened/i);
  });

  test("a policy the export did not find is one line, 'policy not found in the tenant', not a row of nulls per setting", async () => {
    const r = await drift("--teams", desired, path.join(ROOT, "test/fixtures/teams/export-drifted.json"));
    const at = r.out.indexOf("#### − TeamsMeetingPolicy Gemeenteraad-Openbaar — policy not found in the tenant\n");
    expect(at).toBeGreaterThan(0);
    const block = r.out.slice(at, r.out.indexOf("####", at + 5) === -1 ? undefined : r.out.indexOf("####", at + 5));
    expect(block).not.toContain("| `");
    expect(r.out).not.toMatch(/Gemeenteraad-Openbaar:/); // no loosening flags from the missing values
  });

  test("the desired document against itself is no drift; plans and --teams combine", async () => {
    expect((await drift("--teams", desired, desired)).code).toBe(0);
    const plan = path.join(ROOT, "test/fixtures/plans", fs.readdirSync(path.join(ROOT, "test/fixtures/plans")).find((f) => f.includes("no-drift"))!);
    expect((await drift(plan, "--teams", desired, desired)).code).toBe(0);
  });

  test("a missing Teams file or a missing second file is exit 2 naming it", async () => {
    const missing = await drift("--teams", desired, "/nonexistent/export.json");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("/nonexistent/export.json");
    expect((await drift("--teams", desired)).code).toBe(2);
  });
});

test("drift and diff count a wide public prefix as the internet, as the guardrails do", () => {
  const rule = (source: string) => ({ access: "Allow", direction: "Inbound", source_address_prefix: source, destination_port_range: "22" });
  for (const s of ["*", "Internet", "0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "11.0.0.0/8"]) expect({ s, open: opensToInternet(rule(s)) }).toEqual({ s, open: true });
  for (const s of ["10.0.0.0/8", "10.20.0.0/24", "VirtualNetwork", "198.51.100.0/24"]) expect({ s, open: opensToInternet(rule(s)) }).toEqual({ s, open: false });
});

describe("what is hidden: the plan's sensitive marks and the shape of a value, never a word inside a name", () => {
  const JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz";
  const SAS = "https://stkraainem.blob.core.windows.net/backup/db.bak?sv=2024-11-04&se=2026-12-31&sr=b&sp=r&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D%3D";
  const UNMARKED = "Unmarked-Geheim-2026!";
  const change = (type: string, name: string, before: object, after: object) => ({
    address: `${type}.${name}`,
    mode: "managed",
    type,
    name,
    change: { actions: ["update"], before, after, before_sensitive: {}, after_sensitive: {} },
  });

  test("unmarked secrets (a Key Vault secret's value, a SAS URL, a JWT) are hidden; ordinary values whose names hold 'secret' or 'password' are shown", async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "kraainem-remote-access.json");
      fs.writeFileSync(
        file,
        JSON.stringify({
          format_version: "1.2",
          planned_values: { root_module: {} },
          resource_drift: [
            change("azurerm_key_vault_secret", "ldap", { name: "awingu-ldap-bind", value: "Oud" }, { name: "awingu-ldap-bind", value: UNMARKED }),
            change("terraform_data", "teams", { input: { werkplek_group_secretariaat: "11111111-0000-0000-0000-000000000001", backup_url: "none" } }, {
              input: { werkplek_group_secretariaat: "22222222-0000-0000-0000-000000000002", backup_url: SAS },
            }),
            change("msgraph_resource", "compliance", { body: { passwordRequiredType: "alphanumeric", recoveryPasswordUsage: "allowed", note: "a" } }, {
              body: { passwordRequiredType: "deviceDefault", recoveryPasswordUsage: "blocked", note: `Bearer ${JWT}` },
            }),
          ],
        }),
      );
      for (const argv of [[file], ["--json", file]]) {
        const r = await run("drift", ...argv);
        expect(r.code).toBe(1);
        for (const secret of [UNMARKED, JWT, "sig=Zm9v", "Zm9vYmFyYmF6"]) expect(r.out).not.toContain(secret);
        for (const shown of ["22222222-0000-0000-0000-000000000002", "deviceDefault", "blocked"]) expect(r.out).toContain(shown);
      }
      const md = (await run("drift", file)).out;
      expect(md).toContain("| `value` | `(sensitive value hidden)` | `(sensitive value hidden)` |");
      expect(md).toContain("| `input.backup_url` | `none` | `(sensitive value hidden)` |");
      expect(md).toContain("| `input.werkplek_group_secretariaat` | `11111111-0000-0000-0000-000000000001` | `22222222-0000-0000-0000-000000000002` |");
      expect(md).toContain("| `body.passwordRequiredType` | `alphanumeric` | `deviceDefault` |");
      expect(md).toContain("| `body.recoveryPasswordUsage` | `allowed` | `blocked` |");
      expect(md).toContain("| `body.note` | `a` | `(sensitive value hidden)` |");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the diff of synthesized JSON (no plan marks) follows the same rules", () => {
    const rows = attributeChanges(
      { body: { passwordRequiredType: "alphanumeric" }, value: "a" },
      { body: { passwordRequiredType: "deviceDefault" }, value: UNMARKED, url: SAS },
      { type: "azurerm_key_vault_secret" },
    );
    expect(rows).toEqual([
      { path: "body.passwordRequiredType", before: "alphanumeric", after: "deviceDefault" },
      { path: "url", before: undefined, after: "(sensitive value hidden)" },
      { path: "value", before: "(sensitive value hidden)", after: "(sensitive value hidden)" },
    ]);
  });
});
