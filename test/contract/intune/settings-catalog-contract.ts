/**
 * Checks settings-catalog policy bodies (`#microsoft.graph.deviceManagementConfigurationPolicy`,
 * beta `deviceManagement/configurationPolicies`) against settings-catalog.json: the setting
 * definitions, instance kinds, choice options, value ranges and endpoint-security template ids
 * extracted from real exports (SOURCE.md). Pure functions over JSON, so tests stay offline.
 */
import * as fs from "fs";
import * as path from "path";

export const INSTANCE = "#microsoft.graph.deviceManagementConfiguration";
export const POLICY_ODATA_TYPE = "#microsoft.graph.deviceManagementConfigurationPolicy";

export interface SourceRef {
  readonly repository: string;
  readonly path: string;
  readonly commit: string;
  readonly kind: string;
}

export interface TemplateSetting {
  readonly settingInstanceTemplateId: string;
  readonly settingValueTemplateId: string | null;
  readonly source: string;
}

export interface Template {
  readonly templateFamily: string;
  readonly templateDisplayName: string;
  readonly templateDisplayVersion: string;
  readonly sources: string[];
  readonly settings: Record<string, TemplateSetting>;
}

export interface SettingFacts {
  /** The settingInstance `@odata.type`. */
  readonly kind: string;
  readonly displayName?: string;
  readonly visibility?: string;
  /** Accepted only in a policy with `templateReference` (visibility lacks `settingsCatalog`). */
  readonly templateOnly?: boolean;
  readonly rootDefinitionId?: string;
  /** False when the setting is known only from an export: options may then be incomplete. */
  readonly definitionKnown: boolean;
  /** Choice option id → what it means. */
  readonly options?: Record<string, string>;
  readonly defaultOptionId?: string;
  readonly childrenByOption?: Record<string, string[]>;
  readonly childIds?: string[];
  readonly value?: { type: string; minimum?: number; maximum?: number; maximumLength?: number };
  readonly observedValues?: string[];
  readonly templates?: string[];
  readonly source: string;
  readonly observedIn?: string[];
  readonly optionsSource?: string;
}

export interface Catalog {
  readonly about: string;
  readonly sources: Record<string, SourceRef>;
  readonly templates: Record<string, Template>;
  readonly settings: Record<string, SettingFacts>;
}

export function loadCatalog(): Catalog {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "settings-catalog.json"), "utf8"));
}

export type ViolationCode =
  | "unknown-setting"
  | "wrong-kind"
  | "not-top-level"
  | "unknown-option"
  | "child-not-allowed"
  | "wrong-value-type"
  | "out-of-range"
  | "missing-template-reference"
  | "unknown-template"
  | "setting-not-in-template"
  | "missing-setting-template-reference"
  | "wrong-setting-template-reference";

export interface Violation {
  /** Stack and terraform address, e.g. `kraainem-devices msgraph_resource.laps_CA31678E`. */
  readonly address: string;
  /** The setting, or `(policy)` for the policy as a whole. */
  readonly settingDefinitionId: string;
  readonly code: ViolationCode;
  readonly message: string;
}

/** A violation without the hash cdktf appends to logical ids: stable across unrelated changes. */
export function violationKey(v: Violation): string {
  return `${v.address.replace(/_[0-9A-F]{8}$/, "")} ${v.settingDefinitionId} ${v.code}`;
}

// Graph JSON is untyped by nature; the checks below test every field they read.
type Json = any;

const short = (kind: unknown) => String(kind).replace(INSTANCE, "…");
const list = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "(none)");

/** Known ids closest to `id` by edit distance (a misspelling is a few edits away). */
function nearest(catalog: Catalog, id: string): string[] {
  const distance = (a: string, b: string): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row;
    }
    return prev[b.length];
  };
  const scored = Object.keys(catalog.settings).map((k) => [k, distance(id, k)] as const);
  const best = Math.min(...scored.map(([, d]) => d));
  return best <= Math.max(3, Math.floor(id.length / 10)) ? scored.filter(([, d]) => d === best).map(([k]) => k).slice(0, 3) : [];
}

/**
 * Every violation in one policy body. `address` names the resource in messages. Top-level settings
 * of an endpoint-security template policy must carry the template's instance/value ids; template-only
 * settings (visibility "template") are refused by Graph outside such a policy.
 */
export function checkPolicy(address: string, body: Json, catalog: Catalog): Violation[] {
  const out: Violation[] = [];
  const add = (settingDefinitionId: string, code: ViolationCode, message: string) =>
    out.push({ address, settingDefinitionId, code, message: `${address}: ${message}` });

  const templateRef = body?.templateReference;
  const templateId: string | undefined = templateRef?.templateId || undefined;
  const template = templateId ? catalog.templates[templateId] : undefined;
  if (templateId && !template) {
    add("(policy)", "unknown-template", `templateReference.templateId ${templateId} is not a known template; known: ${list(Object.keys(catalog.templates))}`);
  }
  if (template && templateRef.templateFamily && templateRef.templateFamily !== template.templateFamily) {
    add("(policy)", "unknown-template", `templateReference.templateFamily is ${templateRef.templateFamily}; template ${templateId} is ${template.templateFamily}`);
  }

  const needsTemplate = new Map<string, string[]>(); // setting → templates that carry it
  const walk = (inst: Json, parent: { id: string; option?: string; facts?: SettingFacts } | undefined) => {
    const id: string = inst?.settingDefinitionId;
    const kind: string = inst?.["@odata.type"];
    const facts = catalog.settings[id];
    if (!facts) {
      const near = nearest(catalog, id);
      add(id, "unknown-setting", `setting ${id} is not in settings-catalog.json${near.length ? `; did you mean ${near.join(" or ")}?` : ""} (add it from a real export with its source)`);
      return;
    }
    if (kind !== facts.kind) {
      add(id, "wrong-kind", `${id} is sent as ${short(kind)}; its definition needs ${short(facts.kind)}`);
      return;
    }

    if (!parent) {
      if (facts.rootDefinitionId && facts.rootDefinitionId !== id) {
        add(id, "not-top-level", `${id} is a child of ${facts.rootDefinitionId} and cannot be a top-level setting`);
      }
      if (template || facts.templateOnly) checkTemplateIds(inst, id, facts);
    } else if (parent.facts?.definitionKnown) {
      const allowed = parent.option !== undefined ? parent.facts.childrenByOption?.[parent.option] ?? [] : parent.facts.childIds ?? [];
      if (!allowed.includes(id)) {
        const where = parent.option !== undefined ? `${parent.id} = ${parent.option}` : parent.id;
        add(id, "child-not-allowed", `${id} is not a child of ${where}; allowed children: ${list(allowed)}`);
      }
    }
    if (facts.templateOnly && !template) needsTemplate.set(id, facts.templates ?? []);

    if (kind === `${INSTANCE}ChoiceSettingInstance`) {
      const value: string = inst.choiceSettingValue?.value;
      checkOption(id, value, facts);
      for (const child of inst.choiceSettingValue?.children ?? []) walk(child, { id, option: value, facts });
    } else if (kind === `${INSTANCE}ChoiceSettingCollectionInstance`) {
      for (const v of inst.choiceSettingCollectionValue ?? []) checkOption(id, v?.value, facts);
    } else if (kind === `${INSTANCE}SimpleSettingInstance`) {
      checkSimple(id, inst.simpleSettingValue, facts);
    } else if (kind === `${INSTANCE}SimpleSettingCollectionInstance`) {
      for (const v of inst.simpleSettingCollectionValue ?? []) checkSimple(id, v, facts);
    } else if (kind === `${INSTANCE}GroupSettingCollectionInstance`) {
      for (const g of inst.groupSettingCollectionValue ?? []) for (const child of g?.children ?? []) walk(child, { id, facts });
    } else if (kind === `${INSTANCE}GroupSettingInstance`) {
      for (const child of inst.groupSettingValue?.children ?? []) walk(child, { id, facts });
    }
  };

  const checkOption = (id: string, value: string, facts: SettingFacts) => {
    const allowed = facts.options ? Object.keys(facts.options) : facts.observedValues ?? [];
    if (!allowed.includes(value)) {
      const meaning = facts.options ? allowed.map((o) => `${o} (${facts.options![o]})`) : allowed;
      const caveat = facts.options ? "" : " (only values seen in exports; the definition is not exported)";
      add(id, "unknown-option", `${id} = ${value}; allowed: ${list(meaning)}${caveat}`);
    }
  };

  const checkSimple = (id: string, v: Json, facts: SettingFacts) => {
    const type = facts.value?.type;
    if (type && v?.["@odata.type"] !== type) {
      add(id, "wrong-value-type", `${id} value is ${short(v?.["@odata.type"])}; its definition needs ${short(type)}`);
      return;
    }
    const value = v?.value;
    if (type === `${INSTANCE}IntegerSettingValue`) {
      const { minimum, maximum } = facts.value ?? {};
      if (!Number.isInteger(value)) add(id, "wrong-value-type", `${id} = ${JSON.stringify(value)}; allowed: an integer`);
      else if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
        add(id, "out-of-range", `${id} = ${value}; allowed ${minimum} to ${maximum}`);
      }
    } else if (type === `${INSTANCE}StringSettingValue` && typeof value !== "string") {
      add(id, "wrong-value-type", `${id} = ${JSON.stringify(value)}; allowed: a string`);
    }
  };

  const checkTemplateIds = (inst: Json, id: string, facts: SettingFacts) => {
    const candidates = template ? [templateId!] : facts.templates ?? [];
    const expected = candidates.map((t) => catalog.templates[t]?.settings[id]).find(Boolean);
    if (!expected) {
      if (template) {
        add(id, "setting-not-in-template", `${id} is not among the settings known for template ${templateId} (${list(Object.keys(template.settings))}); add its template ids from an export`);
      }
      return;
    }
    const value = inst.choiceSettingValue ?? inst.simpleSettingValue ?? inst.groupSettingCollectionValue?.[0] ?? inst.groupSettingValue;
    const gotInstance = inst.settingInstanceTemplateReference?.settingInstanceTemplateId;
    const gotValue = value?.settingValueTemplateReference?.settingValueTemplateId;
    const want = `settingInstanceTemplateReference.settingInstanceTemplateId = ${expected.settingInstanceTemplateId}` +
      (expected.settingValueTemplateId ? ` and settingValueTemplateReference.settingValueTemplateId = ${expected.settingValueTemplateId}` : "");
    if (gotInstance === undefined && gotValue === undefined) {
      add(id, "missing-setting-template-reference", `${id} needs ${want} (template ${candidates.join(" or ")}); the body has none`);
    } else if (gotInstance !== expected.settingInstanceTemplateId || (gotValue ?? null) !== expected.settingValueTemplateId) {
      add(id, "wrong-setting-template-reference", `${id} has settingInstanceTemplateId ${gotInstance} and settingValueTemplateId ${gotValue ?? "(none)"}; needs ${want}`);
    }
  };

  for (const s of body?.settings ?? []) walk(s?.settingInstance, undefined);

  if (needsTemplate.size && !template) {
    const templates = [...new Set([...needsTemplate.values()].flat())];
    add(
      "(policy)",
      "missing-template-reference",
      `template-only settings (visibility "template") need templateReference ${templates.length ? `{ templateId: ${templates.join(" or ")} }` : "(no known template carries them)"}; ` +
        `the body has ${templateRef ? `templateId ${templateId ?? "(empty)"}` : "no templateReference"}: ${list([...needsTemplate.keys()])}`,
    );
  }
  return out;
}

/** A copy of `body` made into a policy of `templateId`: templateReference plus each top-level setting's template ids. */
export function withTemplateReferences(body: Json, templateId: string, catalog: Catalog): Json {
  const template = catalog.templates[templateId];
  if (!template) throw new Error(`unknown template ${templateId}`);
  const copy = JSON.parse(JSON.stringify(body));
  copy.templateReference = { templateId };
  for (const s of copy.settings ?? []) {
    const inst = s.settingInstance;
    const ids = template.settings[inst.settingDefinitionId];
    if (!ids) throw new Error(`${inst.settingDefinitionId} is not a known setting of template ${templateId}`);
    inst.settingInstanceTemplateReference = { settingInstanceTemplateId: ids.settingInstanceTemplateId };
    const value = inst.choiceSettingValue ?? inst.simpleSettingValue ?? inst.groupSettingCollectionValue?.[0];
    if (ids.settingValueTemplateId) value.settingValueTemplateReference = { settingValueTemplateId: ids.settingValueTemplateId, useTemplateDefault: false };
  }
  return copy;
}

/** A settings-catalog policy resource: the collection URL, an item URL, or the body's `@odata.type`. */
export function isSettingsCatalogPolicy(resource: Json): boolean {
  const url = String(resource?.url ?? "");
  return /(^|\/)deviceManagement\/configurationPolicies(\/[^/]+)?$/.test(url) || resource?.body?.["@odata.type"] === POLICY_ODATA_TYPE;
}
