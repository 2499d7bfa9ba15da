/**
 * Contract: every settings-catalog policy the example tenant synthesizes uses setting ids, instance
 * kinds, options, ranges and endpoint-security template ids that Microsoft's own exports show
 * (settings-catalog.json, sourced in SOURCE.md). Offline: synthesized JSON against committed facts.
 */
import { TerraformStack } from "cdktf";
import { buildStacks, synthJson } from "../../helpers";
import { Catalog, checkPolicy, INSTANCE, isSettingsCatalogPolicy, loadCatalog, Violation, violationKey, withTemplateReferences } from "./settings-catalog-contract";

/**
 * What the synthesized tenant gets wrong today, as `<stack> <address without hash> <setting> <code>`.
 * The test fails when one of these stops occurring: delete the entry with the fix that removes it.
 * (Empty since LAPS became an endpoint-security template policy, policies/intune/laps.ts.)
 */
const KNOWN_VIOLATIONS: readonly string[] = [];

const LAPS_TEMPLATE = "adc46e5a-f4aa-4ff6-aeff-4f27bc525796_1";
const ASR = "device_vendor_msft_policy_config_defender_attacksurfacereductionrules";

type Resource = { url?: string; body?: any };

let catalog: Catalog;
/** Every settings-catalog policy in every stack of the example tenant, by terraform address. */
let policies: Record<string, Resource>;
/** Addresses of every resource or data source whose JSON mentions a settingDefinitionId. */
let mentioningSettings: string[];

beforeAll(() => {
  catalog = loadCatalog();
  policies = {};
  mentioningSettings = [];
  for (const stack of Object.values(buildStacks())) {
    if (!(stack instanceof TerraformStack)) continue;
    const json = synthJson(stack);
    for (const block of [json.resource ?? {}, json.data ?? {}]) {
      for (const [type, byName] of Object.entries(block)) {
        for (const [name, r] of Object.entries(byName as Record<string, Resource>)) {
          const address = `${stack.node.id} ${block === json.data ? "data." : ""}${type}.${name}`;
          if (JSON.stringify(r).includes('"settingDefinitionId"')) mentioningSettings.push(address);
          if (type.startsWith("msgraph_") && isSettingsCatalogPolicy(r)) policies[address] = r;
        }
      }
    }
  }
});

const violationsOf = (address: string, body: unknown) => checkPolicy(address, body, catalog);
const allViolations = (): Violation[] => Object.entries(policies).flatMap(([address, r]) => violationsOf(address, r.body));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const policy = (prefix: string): [string, Resource] => {
  const hit = Object.entries(policies).find(([a]) => a.startsWith(`kraainem-devices msgraph_resource.${prefix}_`));
  if (!hit) throw new Error(`no settings-catalog policy kraainem-devices msgraph_resource.${prefix}_*; have ${Object.keys(policies).join(", ")}`);
  return hit;
};

describe("settings-catalog.json", () => {
  test("every setting and template id names a source by repository, path and commit", () => {
    const bad: string[] = [];
    for (const [key, s] of Object.entries(catalog.sources)) {
      if (!s.repository.includes("/") || !s.path || !/^[0-9a-f]{40}$/.test(s.commit)) bad.push(`source ${key}`);
    }
    const known = (key: string | undefined) => key !== undefined && key in catalog.sources;
    for (const [id, s] of Object.entries(catalog.settings)) {
      if (!known(s.source) || !(s.observedIn ?? []).every(known) || (s.optionsSource !== undefined && !known(s.optionsSource))) bad.push(id);
      if (!s.kind.startsWith(INSTANCE) || !s.kind.endsWith("Instance")) bad.push(`${id} kind ${s.kind}`);
    }
    for (const [tid, t] of Object.entries(catalog.templates)) {
      for (const [id, ids] of Object.entries(t.settings)) {
        if (!known(ids.source) || !(id in catalog.settings) || !/^[0-9a-f-]{36}$/.test(ids.settingInstanceTemplateId)) bad.push(`${tid} ${id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test("holds the LAPS, ASR and BitLocker templates the policies belong to", () => {
    expect(Object.keys(catalog.templates).sort()).toEqual(["46ddfc50-d10f-4867-b852-9434254b3bff_1", LAPS_TEMPLATE, "e8c053d6-9f95-42b1-a7f1-ebfd71c67a4b_1"]);
    expect(catalog.templates[LAPS_TEMPLATE].settings.device_vendor_msft_laps_policies_backupdirectory).toMatchObject({
      settingInstanceTemplateId: "a3270f64-e493-499d-8900-90290f61ed8a",
      settingValueTemplateId: "4d90f03d-e14c-43c4-86da-681da96a2f92",
    });
    expect(catalog.settings.device_vendor_msft_laps_policies_backupdirectory).toMatchObject({ visibility: "template", templateOnly: true });
    expect(catalog.settings[ASR]).toMatchObject({ visibility: "settingsCatalog,template", templateOnly: false });
    expect(catalog.settings.device_vendor_msft_bitlocker_systemdrivesencryptiontype).toMatchObject({ templateOnly: false });
  });
});

describe("settings-catalog policies of the example tenant", () => {
  test("are all found (LAPS, ASR, disk encryption), and nothing else carries settings", () => {
    const prefixes = Object.keys(policies).map((a) => a.replace(/_[0-9A-F]{8}$/, ""));
    expect(prefixes).toEqual(
      expect.arrayContaining(["kraainem-devices msgraph_resource.laps", "kraainem-devices msgraph_resource.attack-surface-reduction", "kraainem-devices msgraph_resource.disk-encryption"]),
    );
    expect(mentioningSettings.filter((a) => !(a in policies))).toEqual([]);
  });

  test("match the catalog, apart from KNOWN_VIOLATIONS (which must still occur)", () => {
    const violations = allViolations();
    const keys = new Set(violations.map(violationKey));
    const unexpected = violations.filter((v) => !KNOWN_VIOLATIONS.includes(violationKey(v))).map((v) => v.message);
    const fixed = KNOWN_VIOLATIONS.filter((k) => !keys.has(k)).map((k) => `${k}: no longer occurs; delete it from KNOWN_VIOLATIONS`);
    expect({ unexpected, fixed }).toEqual({ unexpected: [], fixed: [] });
  });

  test("LAPS is a template policy with each setting's template ids (its settings have visibility \"template\")", () => {
    const [address, r] = policy("laps");
    expect(r.body.templateReference).toEqual({ templateId: LAPS_TEMPLATE });
    expect(violationsOf(address, r.body)).toEqual([]);
    expect(violationsOf(address, withTemplateReferences(r.body, LAPS_TEMPLATE, catalog))).toEqual([]);
  });

  test("without its template references, the LAPS message says which template and ids Graph needs", () => {
    const [address, r] = policy("laps");
    const body = clone(r.body);
    delete body.templateReference;
    for (const s of body.settings) {
      delete s.settingInstance.settingInstanceTemplateReference;
      for (const v of [s.settingInstance.choiceSettingValue, s.settingInstance.simpleSettingValue]) if (v) delete v.settingValueTemplateReference;
    }
    const messages = violationsOf(address, body).map((v) => v.message);
    expect(messages).toContain(
      `${address}: device_vendor_msft_laps_policies_passwordlength needs settingInstanceTemplateReference.settingInstanceTemplateId = da7a1dbd-caf7-4341-ab63-ece6f994ff02 ` +
        `and settingValueTemplateReference.settingValueTemplateId = d08f1266-5345-4f53-8ae1-4c20e6cb5ec9 (template ${LAPS_TEMPLATE}); the body has none`,
    );
    expect(messages).toContainEqual(expect.stringContaining(`template-only settings (visibility "template") need templateReference { templateId: ${LAPS_TEMPLATE} }; the body has no templateReference`));
  });
});

describe("the check fails what Graph would reject", () => {
  const asrRules = (body: any) => body.settings[0].settingInstance.groupSettingCollectionValue[0].children;

  test("a misspelt setting id", () => {
    const [address, r] = policy("attack-surface-reduction");
    const body = clone(r.body);
    asrRules(body)[0].settingDefinitionId = `${ASR}_blockexecutionofpotentialyobfuscatedscripts`;
    expect(violationsOf(address, body).map((v) => v.message)).toEqual([
      `${address}: setting ${ASR}_blockexecutionofpotentialyobfuscatedscripts is not in settings-catalog.json; did you mean ${ASR}_blockexecutionofpotentiallyobfuscatedscripts? (add it from a real export with its source)`,
    ]);
  });

  test("a choice value that is not an option", () => {
    const [address, r] = policy("attack-surface-reduction");
    const body = clone(r.body);
    const rule = asrRules(body)[0];
    rule.choiceSettingValue.value = `${rule.settingDefinitionId}_2`;
    const [v, ...rest] = violationsOf(address, body);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: "unknown-option", settingDefinitionId: rule.settingDefinitionId });
    expect(v.message).toBe(
      `${address}: ${rule.settingDefinitionId} = ${rule.settingDefinitionId}_2; allowed: ` +
        ["off (Off)", "block (Block)", "audit (Audit)", "warn (Warn)"].map((o) => `${rule.settingDefinitionId}_${o}`).join(", "),
    );
  });

  test("a wrong instance kind", () => {
    const [address, r] = policy("disk-encryption");
    const body = clone(r.body);
    body.settings[0].settingInstance["@odata.type"] = `${INSTANCE}SimpleSettingInstance`;
    expect(violationsOf(address, body).map((v) => v.message)).toEqual([
      `${address}: device_vendor_msft_bitlocker_systemdrivesencryptiontype is sent as …SimpleSettingInstance; its definition needs …ChoiceSettingInstance`,
    ]);
  });

  test("a child under an option that does not have it", () => {
    const [address, r] = policy("laps");
    const body = withTemplateReferences(r.body, LAPS_TEMPLATE, catalog);
    body.settings[0].settingInstance.choiceSettingValue.value = "device_vendor_msft_laps_policies_backupdirectory_2"; // AD, not Entra
    expect(violationsOf(address, body).map((v) => v.code)).toEqual(["child-not-allowed"]);
  });

  test("an integer outside the definition's range", () => {
    const [address, r] = policy("laps");
    const body = withTemplateReferences(r.body, LAPS_TEMPLATE, catalog);
    const length = body.settings.find((s: { settingInstance: { settingDefinitionId: string } }) => s.settingInstance.settingDefinitionId.endsWith("_passwordlength"));
    length.settingInstance.simpleSettingValue.value = 65;
    expect(violationsOf(address, body).map((v) => v.message)).toEqual([`${address}: device_vendor_msft_laps_policies_passwordlength = 65; allowed 8 to 64`]);
  });

  test("a template id that belongs to another setting", () => {
    const [address, r] = policy("laps");
    const body = withTemplateReferences(r.body, LAPS_TEMPLATE, catalog);
    body.settings[1].settingInstance.settingInstanceTemplateReference.settingInstanceTemplateId = "a3270f64-e493-499d-8900-90290f61ed8a";
    expect(violationsOf(address, body).map((v) => v.code)).toEqual(["wrong-setting-template-reference"]);
  });
});
