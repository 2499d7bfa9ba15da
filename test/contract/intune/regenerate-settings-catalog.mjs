#!/usr/bin/env node
// Regenerates test/contract/intune/settings-catalog.json from public exports pinned by commit
// (see SOURCE.md). Facts only (ids, kinds, allowed values, template ids); no code is copied.
//
//   node test/contract/intune/regenerate-settings-catalog.mjs            # fetch from GitHub, write
//   node test/contract/intune/regenerate-settings-catalog.mjs --check    # exit 1 if the file differs
//   node test/contract/intune/regenerate-settings-catalog.mjs --from DIR # read DIR/<owner>/<repo>/<path>
//
// Bump a commit below, run it, review the diff of settings-catalog.json like any other change.
import { readFile, writeFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "settings-catalog.json");

const OIB = { repository: "SkipToTheEndpoint/OpenIntuneBaseline", commit: "75c4825cd59936c7a33bb249ca41a3764c3b3858" };
const DOCS = { repository: "Pacers31Colts18/Intune.Docs", commit: "1e173ea766a5de5171aff578420926706a092292" };
const SC = "WINDOWS/IntuneManagement/SettingsCatalog/";

/** Every file read, by key. `kind`: export (a policy as Graph returns it), definitions (an IntuneDocs
 *  report whose "Setting Definition" block is the raw deviceManagement/configurationSettings objects),
 *  text (only searched for the ids it is cited for). */
const SOURCES = {
  "oib-laps": { ...OIB, path: `${SC}Win - OIB - ES - Windows LAPS - D - LAPS Configuration - v3.1.json`, kind: "export" },
  "oib-laps-24h2": { ...OIB, path: `${SC}Win - OIB - ES - Windows LAPS - D - LAPS Configuration (24H2+) - v3.6.json`, kind: "export" },
  "oib-asr": { ...OIB, path: `${SC}Win - OIB - ES - Attack Surface Reduction - D - ASR Rules (Audit Mode) - v3.1.json`, kind: "export" },
  "oib-bitlocker": { ...OIB, path: `${SC}Win - OIB - ES - Encryption - D - BitLocker (OS Disk) - v3.7.json`, kind: "export" },
  "defs-laps": { ...DOCS, path: "Docs/ConfigurationPolicies/WIN_D_CISL1_WindowsLAPS_PROD.md", kind: "definitions", keep: /^device_vendor_msft_laps_/ },
  "defs-bitlocker": { ...DOCS, path: "Docs/ConfigurationPolicies/WIN_D_Security_Bitlocker_PROD.md", kind: "definitions", keep: /^device_vendor_msft_bitlocker_/ },
  "defs-defender": { ...DOCS, path: "Docs/ConfigurationPolicies/WIN_D_CISL1_Defender_PROD.md", kind: "definitions", keep: /attacksurfacereductionrules/ },
  "laps-admin-name": {
    repository: "andrew-s-taylor/public",
    commit: "32e4ef6ec7e971511f46e424e753855f744493a7",
    path: "Powershell Scripts/Intune/configure-laps-intune.ps1",
    kind: "text",
  },
  "laps-ddf": {
    repository: "MicrosoftDocs/windows-itpro-docs",
    commit: "da58145c993c231225981ad59b2d17fd9562a6fe",
    path: "windows/client-management/mdm/laps-ddf-file.md",
    kind: "text",
  },
};

/** Facts no definitions export above carries; each is checked against the text of its source. */
const SUPPLEMENTS = [
  {
    // A working POST body for the LAPS template (the only LAPS setting OIB does not configure).
    source: "laps-admin-name",
    templateId: "adc46e5a-f4aa-4ff6-aeff-4f27bc525796_1",
    settingDefinitionId: "device_vendor_msft_laps_policies_administratoraccountname",
    kind: "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
    value: { type: "#microsoft.graph.deviceManagementConfigurationStringSettingValue" },
    settingInstanceTemplateId: "d3d7d492-0019-4f56-96f8-1967f7deabeb",
    settingValueTemplateId: "992c7fce-f9e4-46ab-ac11-e167398859ea",
  },
  // Windows 11 24H2 LAPS settings: option ids as observed in oib-laps-24h2 (`<id>_true`, `<id>_1`),
  // the remaining values of the same CSP node from the LAPS DDF (text searched for the node name).
  ...[
    ["automaticaccountmanagementenabled", "AutomaticAccountManagementEnabled", { false: "The target account will not be automatically managed", true: "The target account will be automatically managed" }],
    ["automaticaccountmanagementtarget", "AutomaticAccountManagementTarget", { 0: "Manage the built-in administrator account", 1: "Manage a new custom administrator account" }],
    ["automaticaccountmanagementenableaccount", "AutomaticAccountManagementEnableAccount", { false: "The target account will be disabled", true: "The target account will be enabled" }],
    ["automaticaccountmanagementrandomizename", "AutomaticAccountManagementRandomizeName", { false: "The name of the target account will not use a random numeric suffix.", true: "The name of the target account will use a random numeric suffix." }],
  ].map(([id, node, options]) => ({
    source: "laps-ddf",
    mustContain: [`<NodeName>${node}</NodeName>`],
    settingDefinitionId: `device_vendor_msft_laps_policies_${id}`,
    options: Object.fromEntries(Object.entries(options).map(([v, name]) => [`device_vendor_msft_laps_policies_${id}_${v}`, name])),
  })),
];

const DEFINITION_TO_INSTANCE = {
  "#microsoft.graph.deviceManagementConfigurationChoiceSettingDefinition": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
  "#microsoft.graph.deviceManagementConfigurationChoiceSettingCollectionDefinition": "#microsoft.graph.deviceManagementConfigurationChoiceSettingCollectionInstance",
  "#microsoft.graph.deviceManagementConfigurationSimpleSettingDefinition": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
  "#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionDefinition": "#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance",
  "#microsoft.graph.deviceManagementConfigurationSettingGroupCollectionDefinition": "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance",
  "#microsoft.graph.deviceManagementConfigurationSettingGroupDefinition": "#microsoft.graph.deviceManagementConfigurationGroupSettingInstance",
};
const VALUE_DEFINITION_TO_VALUE = {
  "#microsoft.graph.deviceManagementConfigurationIntegerSettingValueDefinition": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue",
  "#microsoft.graph.deviceManagementConfigurationStringSettingValueDefinition": "#microsoft.graph.deviceManagementConfigurationStringSettingValue",
};

const args = process.argv.slice(2);
const fromDir = args.includes("--from") ? args[args.indexOf("--from") + 1] : undefined;

async function load(key) {
  const s = SOURCES[key];
  let text;
  if (fromDir) text = await readFile(join(fromDir, s.repository, s.path), "utf8");
  else {
    const url = `https://raw.githubusercontent.com/${s.repository}/${s.commit}/${s.path.split("/").map(encodeURIComponent).join("/")}`;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    text = await res.text();
  }
  return text.replace(/^\uFEFF/, "");
}

/** Settings and templates name their sources by key; `sources` in the output resolves each key. */
const ref = (key) => key;
const clean = (s) => (s ?? "").replace(/\s+/g, " ").trim();

/** The JSON array under "## Setting Definition" in an IntuneDocs report. */
function definitionsOf(markdown, key) {
  const at = markdown.indexOf("## Setting Definition");
  if (at < 0) throw new Error(`${key}: no "## Setting Definition" section`);
  const block = markdown.slice(at);
  const start = block.indexOf("```json") + "```json".length;
  return JSON.parse(block.slice(start, block.lastIndexOf("```")));
}

/** Top-level instances of an export, and every instance with its value(s), recursively. */
function instancesOf(policy) {
  const all = [];
  const walk = (i, depth) => {
    all.push({ i, depth });
    for (const c of i.choiceSettingValue?.children ?? []) walk(c, depth + 1);
    for (const g of i.groupSettingCollectionValue ?? []) for (const c of g.children ?? []) walk(c, depth + 1);
  };
  for (const s of policy.settings) walk(s.settingInstance, 0);
  return all;
}
const valueOf = (i) => i.choiceSettingValue ?? i.simpleSettingValue ?? i.groupSettingCollectionValue?.[0] ?? null;

async function main() {
  const settings = {};
  const templates = {};

  // 1. Definitions.
  for (const [key, s] of Object.entries(SOURCES)) {
    if (s.kind !== "definitions") continue;
    for (const d of definitionsOf(await load(key), key)) {
      if (!s.keep.test(d.id)) continue;
      const kind = DEFINITION_TO_INSTANCE[d["@odata.type"]];
      if (!kind) throw new Error(`${key}: ${d.id} has unknown definition type ${d["@odata.type"]}`);
      const rec = {
        kind,
        displayName: clean(d.displayName),
        visibility: d.visibility,
        templateOnly: !String(d.visibility).split(",").includes("settingsCatalog"),
        rootDefinitionId: d.rootDefinitionId,
        definitionKnown: true,
      };
      if (d.options) {
        rec.options = Object.fromEntries(d.options.map((o) => [o.itemId, clean(o.displayName)]));
        if (d.defaultOptionId) rec.defaultOptionId = d.defaultOptionId;
        const children = Object.fromEntries(
          d.options.map((o) => [o.itemId, (o.dependedOnBy ?? []).map((x) => x.dependedOnBy)]).filter(([, c]) => c.length),
        );
        if (Object.keys(children).length) rec.childrenByOption = children;
      }
      if (d.childIds) rec.childIds = [...d.childIds];
      const vd = d.valueDefinition;
      if (kind.includes("Simple")) {
        const type = VALUE_DEFINITION_TO_VALUE[vd?.["@odata.type"]] ?? d.defaultValue?.["@odata.type"];
        rec.value = { type };
        if (vd?.minimumValue !== undefined) rec.value.minimum = vd.minimumValue;
        if (vd?.maximumValue !== undefined) rec.value.maximum = vd.maximumValue;
        if (vd?.maximumLength !== undefined) rec.value.maximumLength = vd.maximumLength;
      }
      if (d.minimumCount !== undefined && kind.includes("Collection")) rec.count = { minimum: d.minimumCount, maximum: d.maximumCount };
      rec.source = ref(key);
      settings[d.id] = rec;
    }
  }

  // 2. Exports: template references, and instances the definitions exports do not cover.
  for (const [key, s] of Object.entries(SOURCES)) {
    if (s.kind !== "export") continue;
    const policy = JSON.parse(await load(key));
    const t = policy.templateReference;
    const tpl = (templates[t.templateId] ??= {
      templateFamily: t.templateFamily,
      templateDisplayName: t.templateDisplayName,
      templateDisplayVersion: t.templateDisplayVersion,
      sources: [],
      settings: {},
    });
    tpl.sources.push(ref(key));
    for (const { i, depth } of instancesOf(policy)) {
      const id = i.settingDefinitionId;
      const v = valueOf(i);
      if (depth === 0) {
        const instanceRef = i.settingInstanceTemplateReference?.settingInstanceTemplateId;
        if (!instanceRef) throw new Error(`${key}: top-level ${id} has no settingInstanceTemplateId`);
        const prev = tpl.settings[id];
        const entry = { settingInstanceTemplateId: instanceRef, settingValueTemplateId: v?.settingValueTemplateReference?.settingValueTemplateId ?? null, source: ref(key) };
        if (prev && (prev.settingInstanceTemplateId !== entry.settingInstanceTemplateId || prev.settingValueTemplateId !== entry.settingValueTemplateId)) {
          throw new Error(`${key}: ${id} template ids differ from ${prev.source}`);
        }
        tpl.settings[id] ??= entry;
      }
      const rec = (settings[id] ??= { kind: i["@odata.type"], definitionKnown: false, source: ref(key) });
      if (rec.kind !== i["@odata.type"]) throw new Error(`${key}: ${id} is ${i["@odata.type"]}, definition says ${rec.kind}`);
      (rec.observedIn ??= []).includes(key) || rec.observedIn.push(key);
      if (i.choiceSettingValue) {
        const value = i.choiceSettingValue.value;
        if (rec.options && !(value in rec.options)) throw new Error(`${key}: ${id} = ${value} is not an option of its definition`);
        if (!rec.options || rec.definitionKnown === false) (rec.observedValues ??= []).includes(value) || rec.observedValues.push(value);
      }
      if (i.simpleSettingValue && !rec.value) rec.value = { type: i.simpleSettingValue["@odata.type"] };
      if (depth > 0 && rec.definitionKnown === false) rec.observedAsChild = true;
    }
  }

  // 3. Supplements.
  for (const sup of SUPPLEMENTS) {
    const text = await load(sup.source);
    const needles = sup.templateId ? [sup.settingDefinitionId, sup.settingInstanceTemplateId, sup.settingValueTemplateId] : sup.mustContain;
    for (const needle of needles) {
      if (!text.includes(needle)) throw new Error(`${sup.source}: does not contain ${needle}`);
    }
    const rec = (settings[sup.settingDefinitionId] ??= { kind: sup.kind, definitionKnown: false, source: ref(sup.source) });
    if (sup.kind && rec.kind !== sup.kind) throw new Error(`${sup.settingDefinitionId}: kind ${rec.kind} vs ${sup.kind}`);
    if (sup.value && !rec.value) rec.value = sup.value;
    if (sup.options) {
      for (const v of rec.observedValues ?? []) if (!(v in sup.options)) throw new Error(`${sup.settingDefinitionId}: observed ${v} not in ${sup.source}`);
      rec.options = sup.options;
      rec.optionsSource = ref(sup.source);
    }
    if (sup.templateId) {
      templates[sup.templateId].settings[sup.settingDefinitionId] = {
        settingInstanceTemplateId: sup.settingInstanceTemplateId,
        settingValueTemplateId: sup.settingValueTemplateId,
        source: ref(sup.source),
      };
    }
  }

  // 4. Which template each setting belongs to: the template that lists its root setting.
  for (const [id, rec] of Object.entries(settings)) {
    const root = rec.rootDefinitionId ?? id;
    const ids = Object.entries(templates).filter(([, t]) => root in t.settings || id in t.settings).map(([tid]) => tid);
    if (ids.length) rec.templates = ids.sort();
  }

  const sortKeys = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  for (const t of Object.values(templates)) t.settings = sortKeys(t.settings);
  const out = {
    about:
      "Settings-catalog facts for the policies in policies/intune (settings catalog and endpoint-security templates), " +
      "extracted from public exports pinned by commit. Generated by regenerate-settings-catalog.mjs; see SOURCE.md. " +
      "kind = the settingInstance @odata.type; templateOnly = the definition's visibility lacks settingsCatalog, so the " +
      "setting is accepted only in a policy with templateReference and per-setting template references; " +
      "definitionKnown = false marks settings known only from an export (options may be incomplete); " +
      "source, observedIn, optionsSource and templates[].sources are keys of sources.",
    sources: Object.fromEntries(
      Object.entries(SOURCES).map(([k, s]) => [k, { repository: s.repository, path: s.path, commit: s.commit, kind: s.kind }]),
    ),
    templates: sortKeys(templates),
    settings: sortKeys(settings),
  };
  const json = JSON.stringify(out, null, 2) + "\n";
  if (args.includes("--check")) {
    const current = await readFile(OUT, "utf8").catch(() => "");
    if (current !== json) {
      console.error(`${OUT} is out of date; run without --check`);
      process.exit(1);
    }
    console.log(`${OUT} is up to date`);
  } else {
    await writeFile(OUT, json);
    console.log(`wrote ${OUT}: ${Object.keys(out.settings).length} settings, ${Object.keys(out.templates).length} templates`);
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
