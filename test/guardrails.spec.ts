import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../cli/main";
import { renderCatalogue, CATALOGUE_FILE } from "../guardrails/generate-catalogue";
import { GUARDRAIL_RULE_IDS } from "../facts/guardrail-rules";
import { RULES } from "../guardrails/registry";
import { POLICY_DEFINITIONS } from "../policies/conditional-access/policy-set";
import { toJson, toMarkdown } from "../guardrails/report";
import { checkStacks } from "../guardrails/run";
import { readTenantStacks, SynthesizedStack } from "../stacks/synthesized";
import { App } from "cdktf";
import { AREAS, stackName } from "../stacks/werkplek-stack";
import { buildTenant } from "../stacks/tenant";
import { parseTenantFile } from "../tenants/load";
import { GuardrailsSchema } from "../tenants/sections/guardrails";
import { parse } from "yaml";
import { buildStacks, kraainem, kraainemRaw, ROOT, synthJson, tempDir, tenantFrom } from "./helpers";
import { synthAll, withRemoteHelp } from "./remote-help-fixture";
import type { StackJson } from "../stacks/synthesized";

const COMPLIANT_OUT = path.join(ROOT, "test/fixtures/guardrails/compliant");
const tenant = kraainem();

function run(...argv: string[]) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }));
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/**
 * A synthesized folder: the example's real identity stack plus the fixture stacks of the other
 * areas. The fixture's devices stack has Intune Remote Help on, so the identity stack is the one of
 * the example with Remote Help on (it then exports the helpdesk groups to the devices stack).
 */
let identityWithRemoteHelp: StackJson | undefined;
function outDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  fs.cpSync(COMPLIANT_OUT, dir, { recursive: true });
  // the whole app, synthesized once: only an app synth writes the cross-stack outputs
  identityWithRemoteHelp ??= synthAll(withRemoteHelp()).identity;
  const identity = identityWithRemoteHelp;
  fs.writeFileSync(path.join(dir, "stacks", "kraainem-identity", "cdk.tf.json"), JSON.stringify(identity));
  return dir;
}

function editJson(file: string, edit: (json: any) => void): void {
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json));
}
const stackFile = (dir: string, area: string) => path.join(dir, "stacks", `kraainem-${area}`, "cdk.tf.json");

/** The example as `npm run synth` writes it (new App({ outdir }) + buildTenant), synthesized once. */
let realOut: string;
beforeAll(() => {
  realOut = tempDir();
  dirs.push(realOut);
  const app = new App({ outdir: realOut });
  buildTenant(app, tenant);
  app.synth();
});

/** A fresh copy of the real synthesized example, to mutate. */
function realDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  fs.cpSync(realOut, dir, { recursive: true });
  return dir;
}

/** The one resource of a type whose construct path (inside the stack) is `construct` or starts with `construct/`; its address too. */
function byPath(json: any, type: string, construct: string): { address: string; body: any } {
  const found = Object.entries<any>(json.resource?.[type] ?? {}).filter(([, b]) => {
    const p: string = b["//"].metadata.path.split("/").slice(1).join("/");
    return p === construct || p.startsWith(`${construct}/`);
  });
  if (found.length !== 1) throw new Error(`expected one ${type} at ${construct}, found ${found.length}`);
  return { address: `${type}.${found[0][0]}`, body: found[0][1] };
}

/** The only resource of a type in a stack. */
function only(json: any, type: string): { address: string; body: any } {
  const found = Object.entries<any>(json.resource?.[type] ?? {});
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return { address: `${type}.${found[0][0]}`, body: found[0][1] };
}

describe("the example tenant", () => {
  test("its synthesized stacks have no error finding", () => {
    const stacks = buildStacks(tenant);
    const synthesized: SynthesizedStack[] = AREAS.map((area) => ({
      name: stackName("kraainem", area),
      area,
      json: synthJson(stacks[area === "conditional-access" ? "conditionalAccess" : area === "remote-access" ? "remoteAccess" : area]),
      documents: {},
    }));
    const check = checkStacks(tenant, synthesized);
    expect(check.findings.filter((f) => f.level === "error" && !f.suppressed)).toEqual([]);
    // the identity rules do apply to it
    expect(check.evaluations.filter((e) => e.rule.id.startsWith("WP-ID-") && e.applicable).length).toBeGreaterThanOrEqual(12);
  });

  test("werkplek check on its real synthesized output exits 0", async () => {
    const r = await run("check", "--out", realOut, "--tenant", "kraainem");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kraainem: \d+ rules, 0 error\(s\)/);
  });

  /** Rules for features the example does not use, so they find nothing of their kind in its output. */
  const OPTIONAL_FEATURES: Record<string, string> = {
    "WP-CA-015": "the risk policies (Entra ID P2): the example has riskPolicies: false and no policy acts on user risk",
    "WP-INTUNE-008": "Intune Remote Help: the example keeps devices.remoteHelp off (it needs a licence), so there is no Remote Help setting",
    "WP-INTUNE-009": "Intune Remote Help: the example keeps devices.remoteHelp off, so there are no Intune roles",
    "WP-STATE-007": "remote state backend: the example has no `state:` section, so its stacks keep local state",
  };

  test("every rule applies to its real synthesized output, except rules for optional features it does not use", () => {
    const check = checkStacks(tenant, readTenantStacks(realOut, "kraainem"));
    const notApplicable = check.evaluations.filter((e) => !e.applicable).map((e) => e.rule.id);
    expect(notApplicable).toEqual(Object.keys(OPTIONAL_FEATURES));
    expect(check.findings.filter((f) => f.level === "error")).toEqual([]);
  });
});

describe("done when: breaking a control in the real synthesized example makes werkplek check exit 1 naming the rule", () => {
  test.each<[string, string, string, (json: any) => string]>([
    [
      "remove the break-glass exclusion",
      "WP-CA-001",
      "conditional-access",
      (j) => {
        const p = byPath(j, "azuread_conditional_access_policy", "CA002");
        p.body.conditions.users.excluded_groups = [];
        return p.address;
      },
    ],
    [
      "disable the legacy-auth block",
      "WP-CA-002",
      "conditional-access",
      (j) => {
        const p = byPath(j, "azuread_conditional_access_policy", "CA001");
        expect(p.body.conditions.client_app_types).toEqual(expect.arrayContaining(["exchangeActiveSync", "other"]));
        p.body.state = "disabled";
        return ""; // a finding about the whole stack: no policy blocks legacy authentication any more
      },
    ],
    [
      "open SSH to the internet",
      "WP-NET-001",
      "remote-access",
      (j) => {
        const r = byPath(j, "azurerm_network_security_rule", "nsg-awingu-inbound-AllowAdminFromBastion");
        expect(r.body.destination_port_ranges).toContain("22");
        r.body.source_address_prefix = "*";
        return r.address;
      },
    ],
    [
      "put a password on the VM",
      "WP-VM-001",
      "remote-access",
      (j) => {
        const vm = only(j, "azurerm_linux_virtual_machine");
        vm.body.admin_password = "${var.vm_password}";
        return vm.address;
      },
    ],
    [
      "allow public blobs on the state account",
      "WP-STATE-001",
      "state",
      (j) => {
        const account = only(j, "azurerm_storage_account");
        account.body.allow_nested_items_to_be_public = true;
        return account.address;
      },
    ],
    [
      "drop a group's destroy protection",
      "WP-ID-001",
      "identity",
      (j) => {
        const group = byPath(j, "azuread_group", "group-ict-beheerders");
        delete group.body.lifecycle;
        return group.address;
      },
    ],
  ])("%s → %s", async (_what, rule, area, edit) => {
    const dir = realDir();
    let address = "";
    editJson(stackFile(dir, area), (j) => (address = edit(j)));
    const r = await run("check", "--out", dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`ERROR\\s+${rule} kraainem-${area}${address ? ` ${address.replace(/[.$]/g, "\\$&")}:` : ":"}`));
    expect(r.out).toContain(`fix: ${RULES.find((x) => x.id === rule)!.fix}`);
    const json = JSON.parse((await run("check", "--out", dir, "--json")).out);
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule, level: "error", stack: `kraainem-${area}`, resource: address || null, suppressed: false, reason: null }),
    );
  });

  test("a literal secret in the output is found and cannot be suppressed", async () => {
    const dir = realDir();
    editJson(stackFile(dir, "remote-access"), (j) => (only(j, "azurerm_linux_virtual_machine").body.admin_password = "Kraainem2020!"));
    const r = await run("check", "--out", dir, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings.map((f: any) => f.rule)).toEqual(expect.arrayContaining(["WP-SEC-001", "WP-VM-001"]));
  });

  test("removing conditional access entirely fails, naming the stack", async () => {
    const emptied = realDir();
    editJson(stackFile(emptied, "conditional-access"), (j) => delete j.resource);
    const missing = realDir();
    fs.rmSync(path.join(missing, "stacks", "kraainem-conditional-access"), { recursive: true });
    for (const dir of [emptied, missing]) {
      const r = await run("check", "--out", dir);
      expect(r.code).toBe(1);
      for (const rule of ["WP-CA-002", "WP-CA-003", "WP-CA-004"]) expect(r.out).toMatch(new RegExp(`ERROR\\s+${rule} kraainem-conditional-access: `));
    }
  });
});

describe("werkplek check", () => {
  test("--json prints findings and a summary in the documented shape", async () => {
    const dir = outDir();
    editJson(stackFile(dir, "conditional-access"), (j) => (j.resource.azuread_conditional_access_policy["ca-004-compliant-device"].state = "enabledForReportingButNotEnforced"));
    const r = await run("check", "--out", dir, "--json");
    expect(r.code).toBe(0); // a warning does not fail
    const json = JSON.parse(r.out);
    expect(json).toEqual({
      findings: [
        {
          rule: "WP-ID-021",
          level: "warning",
          stack: "kraainem-identity",
          resource: "msgraph_update_resource.authentication-method-fido2",
          message: "passkey profile Default passkey profile: key restrictions are not enforced with a list of AAGUIDs",
          controls: ["EIDSCA.AF04", "EIDSCA.AF05", "EIDSCA.AF06"],
          suppressed: true,
          reason: "De sleutelmodellen voor personeel en de noodaccounts zijn nog niet gekozen; tot dan is elk passkeymodel toegelaten",
        },
        {
          rule: "WP-CA-009",
          level: "warning",
          stack: "kraainem-conditional-access",
          resource: "azuread_conditional_access_policy.ca-004-compliant-device",
          message: 'policy "CA004 - Conform toestel vereist" is report-only',
          controls: ["MS.AAD.1.1", "MS.AAD.3.2", "MT.1007"],
          suppressed: false,
          reason: null,
        },
      ],
      summary: { tenants: ["kraainem"], rules: RULES.length, errors: 0, warnings: 1, suppressed: 1, unusedSuppressions: 0 },
    });
  });

  test("--markdown prints a per-tenant control table with the failing ones", async () => {
    const dir = outDir();
    editJson(stackFile(dir, "state"), (j) => (j.resource.azurerm_storage_account["state-account"].shared_access_key_enabled = true));
    const r = await run("check", "--out", dir, "--markdown");
    expect(r.code).toBe(1);
    expect(r.out).toContain("### Guardrails: kraainem");
    expect(r.out).toMatch(/^\| CKV2_AZURE_40 \| ❌ failing \| WP-STATE-002, WP-STATE-007 \|$/m);
    expect(r.out).toMatch(/^\| MS\.AAD\.1\.1 \| ✅ passing \| /m);
    expect(r.out).toMatch(/^\| error \| WP-STATE-002 \| kraainem-state \| azurerm_storage_account\.state-account \| shared_access_key_enabled is not false \|$/m);
  });

  test("--markdown: a control with only warning findings reads ⚠️ warning, one with an error ❌ failing", () => {
    const rule = (id: string, level: "error" | "warning", controls: string[]) => ({ id, level, title: id, explanation: "", fix: "", controls, check: () => [] });
    const finding = (id: string, level: "error" | "warning") => ({ tenant: "t", rule: id, level, stack: "t-identity", resource: null, message: "m", controls: [], suppressed: false, reason: null });
    const md = toMarkdown([
      {
        tenant: "t",
        findings: [finding("WP-ID-901", "warning"), finding("WP-ID-902", "error"), finding("WP-ID-903", "warning")],
        evaluations: [
          { rule: rule("WP-ID-901", "warning", ["ONLY.WARN"]), applicable: true, failing: 1, suppressed: 0 },
          { rule: rule("WP-ID-902", "error", ["BOTH"]), applicable: true, failing: 1, suppressed: 0 },
          { rule: rule("WP-ID-903", "warning", ["BOTH"]), applicable: true, failing: 1, suppressed: 0 },
        ],
        unusedSuppressions: [],
      },
    ]);
    expect(md).toMatch(/^\| ONLY\.WARN \| ⚠️ warning \| WP-ID-901 \|$/m);
    expect(md).toMatch(/^\| BOTH \| ❌ failing \| WP-ID-902, WP-ID-903 \|$/m);
    expect(md).toContain("2 controls: 0 passing, 1 failing, 1 with warnings, 0 suppressed, 0 not applicable");
  });

  test("bad input exits 2 with a message naming it", async () => {
    const missing = await run("check", "--out", "/nonexistent/cdktf.out");
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('--out "/nonexistent/cdktf.out"') });
    const unknown = await run("check", "--out", COMPLIANT_OUT, "--tenant", "zaventem");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown tenant "zaventem"/);
    const empty = tempDir();
    dirs.push(empty);
    fs.mkdirSync(path.join(empty, "stacks"));
    const none = await run("check", "--out", empty, "--tenant", "kraainem");
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining('no synthesized stacks for tenant "kraainem"') });
    expect((await run("check", "--json", "--markdown", "--out", COMPLIANT_OUT)).code).toBe(2);
    const broken = outDir();
    fs.writeFileSync(stackFile(broken, "state"), "{ not json");
    const bad = await run("check", "--out", broken);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/kraainem-state\/cdk\.tf\.json: not valid JSON/);
    for (const [content, found] of [["null", "null"], ["[]", "an array"], ['"text"', "string"]]) {
      fs.writeFileSync(stackFile(broken, "conditional-access"), content);
      fs.writeFileSync(stackFile(broken, "state"), "{}");
      const notObject = await run("check", "--out", broken);
      expect(notObject.code).toBe(2);
      expect(notObject.err).toContain(`kraainem-conditional-access/cdk.tf.json: not a Terraform JSON configuration (an object), found ${found}`);
    }
  });

  test("--help describes the flags and exit codes", async () => {
    const r = await run("check", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--tenant[\s\S]*--out[\s\S]*--json[\s\S]*--markdown[\s\S]*Exit codes: 0/);
  });
});

describe("suppressions", () => {
  const withSuppressions = (suppressions: unknown[]) => tenantFrom({ ...kraainemRaw(), guardrails: { suppressions } });
  const broken = (): SynthesizedStack[] => {
    const s = readTenantStacks(COMPLIANT_OUT, "kraainem");
    const p = s.find((x) => x.area === "conditional-access")!.json.resource!.azuread_conditional_access_policy;
    p["ca-002-mfa-all-users"].conditions.users.excluded_groups.push("00000000-0000-0000-0000-00000000dddd");
    p["ca-004-compliant-device"].conditions.users.excluded_groups.push("00000000-0000-0000-0000-00000000eeee");
    return s;
  };
  const ca010 = (t = tenant, date = "2026-01-15") => checkStacks(t, broken(), date).findings.filter((f) => f.rule === "WP-CA-010");

  test("a suppression for a resource (by construct path) keeps the finding visible with its reason", () => {
    const t = withSuppressions([{ rule: "WP-CA-010", resource: "ca-002-mfa-all-users", reason: "Teams Rooms-accounts kunnen geen MFA; eigen CA-beleid op locatie" }]);
    const [a, b] = ca010(t);
    expect(a).toMatchObject({ resource: "azuread_conditional_access_policy.ca-002-mfa-all-users", suppressed: true, reason: expect.stringContaining("Teams Rooms") });
    expect(b).toMatchObject({ resource: "azuread_conditional_access_policy.ca-004-compliant-device", suppressed: false, reason: null });
  });

  test("a suppression without resource covers every finding of the rule; by address works too", () => {
    expect(ca010(withSuppressions([{ rule: "WP-CA-010", reason: "overgangsperiode tot de migratie klaar is" }])).every((f) => f.suppressed)).toBe(true);
    const byAddress = withSuppressions([{ rule: "WP-CA-010", resource: "azuread_conditional_access_policy.ca-004-compliant-device", reason: "tijdelijk, zie ticket 4711 bij de partner" }]);
    expect(ca010(byAddress).map((f) => f.suppressed)).toEqual([false, true]);
  });

  test("an expired suppression stops counting and says so", () => {
    const t = withSuppressions([{ rule: "WP-CA-010", reason: "tot de nieuwe toestellen er zijn", expires: "2026-01-14" }]);
    expect(ca010(t, "2026-01-14").every((f) => f.suppressed)).toBe(true);
    const expired = ca010(t, "2026-01-15");
    expect(expired.every((f) => !f.suppressed)).toBe(true);
    expect(expired[0].reason).toBe("suppression expired on 2026-01-14: tot de nieuwe toestellen er zijn");
  });

  test("an error finding that is suppressed does not fail the check", async () => {
    const check = checkStacks(
      withSuppressions([{ rule: "WP-STATE-001", reason: "publieke container voor het logo van de gemeente" }]),
      (() => {
        const s = readTenantStacks(COMPLIANT_OUT, "kraainem");
        s.find((x) => x.area === "state")!.json.resource!.azurerm_storage_account["state-account"].allow_nested_items_to_be_public = true;
        return s;
      })(),
    );
    expect(toJson([check]).summary).toMatchObject({ errors: 0, suppressed: 1 });
  });

  test("unused suppressions are reported", () => {
    const t = withSuppressions([{ rule: "WP-NET-001", reason: "oude uitzondering voor de leverancier" }]);
    expect(checkStacks(t, readTenantStacks(COMPLIANT_OUT, "kraainem")).unusedSuppressions).toHaveLength(1);
  });

  describe("in the tenant file", () => {
    const write = (suppressions: string) => {
      const dir = tempDir();
      dirs.push(dir);
      const file = path.join(dir, "kraainem.yaml");
      const yaml = fs.readFileSync(path.join(ROOT, "tenants/kraainem.yaml"), "utf8");
      const at = yaml.indexOf("guardrails:\n  suppressions:");
      expect(at).toBeGreaterThan(0); // the suppressions are the file's last section
      fs.writeFileSync(file, `${yaml.slice(0, at)}guardrails:\n  suppressions:\n${suppressions}`);
      return parseTenantFile(file);
    };
    const problems = (r: ReturnType<typeof write>) => ("problems" in r ? r.problems.map((p) => `${p.field}: ${p.message}`) : []);

    test("a valid suppression loads", () => {
      const r = write('    - rule: WP-CA-010\n      resource: CA002\n      reason: Teams Rooms-accounts kunnen geen MFA\n      expires: "2026-12-31"\n');
      expect(problems(r)).toEqual([]);
      expect("tenant" in r && r.tenant.guardrails.suppressions[0]).toMatchObject({ rule: "WP-CA-010", expires: "2026-12-31" });
    });

    test("unknown rule ids, non-suppressible rules, short reasons and bad dates are errors naming the field", () => {
      const r = write(
        [
          "    - rule: WP-CA-999\n      reason: een reden van voldoende lengte",
          "    - rule: WP-CA-001\n      reason: een reden van voldoende lengte",
          "    - rule: WP-SEC-001\n      reason: een reden van voldoende lengte",
          "    - rule: WP-CA-010\n      reason: kort",
          "    - rule: WP-CA-010\n      reason: een reden van voldoende lengte\n      expires: volgend jaar",
        ].join("\n") + "\n",
      );
      expect(problems(r)).toEqual([
        expect.stringMatching(/^guardrails\.suppressions\.0\.rule: unknown guardrail rule "WP-CA-999"; known rules: WP-ID-001, .*WP-SEC-001/),
        expect.stringMatching(/^guardrails\.suppressions\.1\.rule: guardrail rule WP-CA-001 .* cannot be suppressed$/),
        expect.stringMatching(/^guardrails\.suppressions\.2\.rule: guardrail rule WP-SEC-001 .* cannot be suppressed$/),
        "guardrails.suppressions.3.reason: a reason of at least 10 characters is required",
        "guardrails.suppressions.4.expires: expires must be a date like 2026-12-31",
      ]);
    });
  });

  describe("the documented suppression examples match the real output", () => {
    const readme = fs.readFileSync(path.join(ROOT, "docs/guardrails.md"), "utf8");
    const yamlFile = fs.readFileSync(path.join(ROOT, "tenants/kraainem.yaml"), "utf8");
    const examples: [string, unknown][] = [
      ["docs/guardrails.md", parse(/```yaml\n(  guardrails:\n[\s\S]*?)```/.exec(readme)![1].replace(/^ {2}/gm, "")).guardrails.suppressions[0]],
      ["tenants/kraainem.yaml", parse(/# characters and optionally an expiry date\. Example:\n((?:#.*\n)+)guardrails:/.exec(yamlFile)![1].replace(/^# ?/gm, "")).suppressions[0]],
    ];

    test.each(examples)("%s: the example suppression suppresses a real finding", (_file, suppression) => {
      const stacks = readTenantStacks(realOut, "kraainem");
      const policies = stacks.find((x) => x.area === "conditional-access")!.json.resource!.azuread_conditional_access_policy;
      for (const p of Object.values<any>(policies)) p.conditions.users.excluded_groups.push("00000000-0000-0000-0000-00000000dddd");
      const check = checkStacks(tenantFrom({ ...kraainemRaw(), guardrails: { suppressions: [suppression] } }), stacks, "2026-01-15");
      const suppressed = check.findings.filter((f) => f.suppressed);
      expect(suppressed.map((f) => f.path)).toEqual(["CA002/Resource"]);
      expect(check.unusedSuppressions).toEqual([]);
    });

    test("the Terraform addresses and construct paths named in the docs exist in the real output", () => {
      const description = (GuardrailsSchema as any).unwrap().shape.suppressions.unwrap().element.shape.resource.description as string;
      const stacks = readTenantStacks(realOut, "kraainem");
      const addresses = new Set(stacks.flatMap((x) => Object.entries<any>(x.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`))));
      for (const text of [readme.slice(readme.indexOf("# Guardrails")), yamlFile, description]) {
        const named = text.match(/azuread_conditional_access_policy\.\w+/g) ?? [];
        expect(named.length).toBeGreaterThan(0);
        for (const a of named) expect({ address: a, exists: addresses.has(a) }).toEqual({ address: a, exists: true });
        expect(text).not.toMatch(/ca-00\d-/);
      }
    });
  });

  test("the report output lists suppressed findings with their reason", () => {
    const t = withSuppressions([{ rule: "WP-CA-010", reason: "overgangsperiode tot de migratie klaar is" }]);
    const md = toMarkdown([checkStacks(t, broken())]);
    expect(md).toMatch(/\| WP-CA-010 \| kraainem-conditional-access \| azuread_conditional_access_policy\.ca-002-mfa-all-users \| overgangsperiode/);
  });
});

describe("catalogue and registry", () => {
  test("guardrails/RULES.md is up to date (run npm run rules)", () => {
    expect(fs.readFileSync(CATALOGUE_FILE, "utf8")).toBe(renderCatalogue());
  });

  test("RULES.md lists every rule with its control ids", () => {
    const md = fs.readFileSync(CATALOGUE_FILE, "utf8");
    for (const r of RULES) {
      expect(md).toContain(`### ${r.id}`);
      expect(md).toContain(`| ${r.controls.join(", ")} |`);
    }
  });

  test("at least 30 rules, unique ids, each with explanation, fix and controls", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.explanation.length).toBeGreaterThan(20);
      expect(r.fix.length).toBeGreaterThan(10);
      expect(r.controls.length).toBeGreaterThan(0);
    }
  });

  test("the conditional access baseline rules' fixes name the tenant-file line first (the policy they need), the Terraform JSON second", () => {
    const expected = { "WP-CA-002": "CA001", "WP-CA-003": "CA002", "WP-CA-004": "CA003", "WP-CA-005": "CA006", "WP-CA-006": "CA005", "WP-CA-007": "CA004" };
    for (const [id, policy] of Object.entries(expected)) {
      const r = RULES.find((x) => x.id === id)!;
      const fix = r.fix;
      expect([id, fix.startsWith(`Set conditionalAccess.policies.${policy}: { state: enabled, promoted: <YYYY-MM-DD> } in tenants/<tenant>.yaml (`)]).toEqual([id, true]);
      // the named policy is the one implementing the rule's controls
      expect([id, POLICY_DEFINITIONS.find((d) => d.id === policy)!.controls]).toEqual([id, r.controls]);
      expect(fix.indexOf("in Terraform JSON it needs")).toBeGreaterThan(fix.indexOf("tenants/<tenant>.yaml"));
      expect(fix).toContain('state "enabled"');
    }
    expect(RULES.find((x) => x.id === "WP-CA-009")!.fix).toContain("set conditionalAccess.policies.<CAxxx>: { state: enabled, promoted: <YYYY-MM-DD> } in tenants/<tenant>.yaml");
  });

  test("every rule file under guardrails/<area>/ is registered, one rule per file", () => {
    const root = path.join(ROOT, "guardrails");
    const files = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(root, d.name)).map((f) => path.join(root, d.name, f)));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const defaults = files.map((f) => require(f).default);
    expect(defaults.length).toBe(RULES.length);
    for (const d of defaults) expect(RULES).toContain(d);
  });

  test("the tenant file's list of rule ids (facts/guardrail-rules.ts) is the registry's, in catalogue order", () => {
    expect(RULES.map((r) => r.id)).toEqual([...GUARDRAIL_RULE_IDS]);
  });

  test("only the break-glass and secret rules are not suppressible", () => {
    expect(RULES.filter((r) => r.suppressible === false).map((r) => r.id)).toEqual(["WP-CA-001", "WP-SEC-001"]);
  });
});

describe("npm run synth runs the guardrails", () => {
  const synth = (outdir: string, tenantsDir?: string) =>
    spawnSync(process.execPath, ["-r", "./bin/register.js", "main.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: outdir, ...(tenantsDir ? { WERKPLEK_TENANTS_DIR: tenantsDir } : {}) },
    });

  test("the example passes and cdktf.out/guardrails.json has the shape of check --json", async () => {
    const dir = tempDir();
    dirs.push(dir);
    const r = synth(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/werkplek guardrails: kraainem: \d+ rules, 0 error\(s\)/);
    const written = JSON.parse(fs.readFileSync(path.join(dir, "guardrails.json"), "utf8"));
    expect(written).toEqual(JSON.parse((await run("check", "--out", dir, "--json")).out));
  });

  test("an error finding fails synth with exit 1, printing rule, stack, resource, message and fix", () => {
    // a group that holds admin roles but is explicitly not role-assignable: the schema allows it, WP-ID-014 does not
    const tenants = tempDir();
    const out = tempDir();
    dirs.push(tenants, out);
    const yaml = fs.readFileSync(path.join(ROOT, "tenants/kraainem.yaml"), "utf8");
    fs.writeFileSync(
      path.join(tenants, "kraainem.yaml"),
      yaml.replace("    description: ICT-beheerders van de gemeente (rolgroep)\n", "    description: ICT-beheerders van de gemeente (rolgroep)\n    roleAssignable: false\n"),
    );
    const r = synth(out, tenants);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ERROR\s+WP-ID-014 kraainem-identity azuread_directory_role_assignment\.role-ict-beheerders-\S+: role \S+ is assigned to group ADM-ICT-Beheerders, which is not role-assignable/);
    expect(r.stderr).toContain(`fix: ${RULES.find((x) => x.id === "WP-ID-014")!.fix}`);
    const written = JSON.parse(fs.readFileSync(path.join(out, "guardrails.json"), "utf8"));
    expect(written.summary.errors).toBeGreaterThan(0);
  });
});
