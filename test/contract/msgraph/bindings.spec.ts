/**
 * Contract: the hand-written microsoft/msgraph bindings (constructs/msgraph/) and every msgraph
 * resource the example tenant synthesizes match the schema of the one pinned provider version
 * (provider-schema.json, sourced in SOURCE.md): attribute names, types, required attributes and
 * allowed values. Offline: the synthesized JSON against committed facts.
 */
import * as fs from "fs";
import * as path from "path";
import { TerraformStack } from "cdktf";
import { AttributeSpec, MSGRAPH_VERSION_CONSTRAINT } from "../../../constructs/msgraph/base";
import { DATA_MSGRAPH_RESOURCE_ATTRIBUTES } from "../../../constructs/msgraph/data-resource";
import { MSGRAPH_PROVIDER_ATTRIBUTES } from "../../../constructs/msgraph/provider";
import { MSGRAPH_RESOURCE_ATTRIBUTES } from "../../../constructs/msgraph/resource";
import { MSGRAPH_RESOURCE_ACTION_ATTRIBUTES } from "../../../constructs/msgraph/resource-action";
import { MSGRAPH_RESOURCE_COLLECTION_ATTRIBUTES } from "../../../constructs/msgraph/resource-collection";
import { MSGRAPH_UPDATE_RESOURCE_ATTRIBUTES } from "../../../constructs/msgraph/update-resource";
import { buildStacks, synthJson } from "../../helpers";

type SchemaAttribute = { type: string; mode: string; values?: string[]; caseInsensitive?: boolean };
type SchemaObject = { attributes: Record<string, SchemaAttribute>; blocks?: Record<string, unknown> };
const SCHEMA: {
  version: string;
  providerConfig: SchemaObject;
  resources: Record<string, SchemaObject>;
  dataSources: Record<string, SchemaObject>;
} = JSON.parse(fs.readFileSync(path.join(__dirname, "provider-schema.json"), "utf8"));

/** The schema type each binding kind must meet. */
const TYPE_OF_KIND: Record<AttributeSpec["kind"], string> = {
  string: "string",
  bool: "bool",
  dynamic: "dynamic",
  stringMap: "map(string)",
  stringList: "list(string)",
  queryParameters: "map(list(string))",
  retry: "object",
  timeouts: "block",
};

/** Terraform meta-arguments: not provider attributes. */
const META = new Set(["//", "depends_on", "count", "for_each", "provider", "lifecycle", "provisioner", "connection", "alias"]);

/** Problems of one binding table against one schema object, as `<name>.<attribute>: <problem>`. */
function tableProblems(name: string, table: Record<string, AttributeSpec | undefined>, schema: SchemaObject): string[] {
  const problems: string[] = [];
  for (const spec of Object.values(table)) {
    if (!spec || spec.tf === "alias") continue;
    const a = schema.attributes[spec.tf];
    const type = a?.type ?? (schema.blocks && spec.tf in schema.blocks ? "block" : undefined);
    if (!type) problems.push(`${name}.${spec.tf}: not in the ${SCHEMA.version} schema; allowed: ${Object.keys(schema.attributes).join(", ")}`);
    else if (type !== TYPE_OF_KIND[spec.kind]) problems.push(`${name}.${spec.tf}: the binding sends ${TYPE_OF_KIND[spec.kind]}, the schema takes ${type}`);
    else if (a?.mode === "computed") problems.push(`${name}.${spec.tf}: computed by the provider; a configuration cannot set it`);
  }
  const bound = new Set(Object.values(table).map((s) => s?.tf));
  for (const [attr, a] of Object.entries(schema.attributes)) {
    if (a.mode === "required" && !bound.has(attr)) problems.push(`${name}.${attr}: required by the schema, missing from the binding`);
  }
  return problems;
}

/** Problems of one synthesized resource or data source body against its schema. */
export function configProblems(address: string, config: Record<string, unknown>, schema: SchemaObject | undefined): string[] {
  if (!schema) return [`${address}: no such resource type in microsoft/msgraph ${SCHEMA.version}`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (META.has(key)) continue;
    const a = schema.attributes[key];
    if (!a) {
      if (!(schema.blocks && key in schema.blocks)) problems.push(`${address}.${key}: not in the ${SCHEMA.version} schema; allowed: ${Object.keys(schema.attributes).join(", ")}`);
      continue;
    }
    if (a.mode === "computed") problems.push(`${address}.${key}: computed by the provider; a configuration cannot set it`);
    const literal = typeof value === "string" && !value.includes("${");
    if (a.values && literal && !a.values.some((v) => (a.caseInsensitive ? v.toLowerCase() === (value as string).toLowerCase() : v === value))) {
      problems.push(`${address}.${key}: "${value}" is not allowed; allowed: ${a.values.join(", ")}`);
    }
  }
  for (const [attr, a] of Object.entries(schema.attributes)) {
    if (a.mode === "required" && !(attr in config)) problems.push(`${address}.${attr}: required, missing`);
  }
  return problems;
}

describe(`msgraph bindings against the microsoft/msgraph ${SCHEMA.version} schema`, () => {
  test("the bindings require exactly the version the schema facts describe", () => {
    expect(MSGRAPH_VERSION_CONSTRAINT).toBe(SCHEMA.version);
  });

  test.each([
    ["provider msgraph", MSGRAPH_PROVIDER_ATTRIBUTES, SCHEMA.providerConfig],
    ["msgraph_resource", MSGRAPH_RESOURCE_ATTRIBUTES, SCHEMA.resources.msgraph_resource],
    ["msgraph_update_resource", MSGRAPH_UPDATE_RESOURCE_ATTRIBUTES, SCHEMA.resources.msgraph_update_resource],
    ["msgraph_resource_action", MSGRAPH_RESOURCE_ACTION_ATTRIBUTES, SCHEMA.resources.msgraph_resource_action],
    ["msgraph_resource_collection", MSGRAPH_RESOURCE_COLLECTION_ATTRIBUTES, SCHEMA.resources.msgraph_resource_collection],
    ["data msgraph_resource", DATA_MSGRAPH_RESOURCE_ATTRIBUTES, SCHEMA.dataSources.msgraph_resource],
  ] as [string, Record<string, AttributeSpec | undefined>, SchemaObject][])("%s: every attribute exists with its type; every required one is bound", (name, table, schema) => {
    expect(tableProblems(name, table, schema)).toEqual([]);
  });

  test("every msgraph resource and data source of the example tenant fits the schema", () => {
    const problems: string[] = [];
    let seen = 0;
    for (const stack of Object.values(buildStacks())) {
      if (!(stack instanceof TerraformStack)) continue;
      const json = synthJson(stack);
      for (const [kind, group, schemas] of [
        ["", json.resource ?? {}, SCHEMA.resources],
        ["data.", json.data ?? {}, SCHEMA.dataSources],
      ] as const) {
        for (const [type, byName] of Object.entries(group)) {
          if (!type.startsWith("msgraph_")) continue;
          for (const [name, config] of Object.entries(byName)) {
            seen++;
            problems.push(...configProblems(`${stack.node.id} ${kind}${type}.${name}`, config, schemas[type]));
          }
        }
      }
      for (const [i, p] of (json.provider?.msgraph ?? []).entries()) problems.push(...configProblems(`${stack.node.id} provider.msgraph[${i}]`, p, SCHEMA.providerConfig));
    }
    expect(seen).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  describe("the check fails what the provider would refuse", () => {
    const schema = SCHEMA.resources.msgraph_resource;
    test.each([
      [{ url: "groups", update_methd: "PUT" }, "x.update_methd: not in the 0.5.0 schema"],
      [{ url: "groups", create_method: "PATCH" }, 'x.create_method: "PATCH" is not allowed; allowed: POST, PUT'],
      [{ body: {} }, "x.url: required, missing"],
      [{ url: "groups", resource_url: "groups/1" }, "x.resource_url: computed by the provider"],
    ])("%j", (config, message) => {
      expect(configProblems("x", config, schema)).toContainEqual(expect.stringContaining(message));
    });

    test("a binding attribute of the wrong type or unknown name", () => {
      expect(tableProblems("t", { a: { tf: "body", kind: "string" }, b: { tf: "url", kind: "string" }, c: { tf: "skip_destroy", kind: "bool" } }, schema)).toEqual([
        "t.body: the binding sends string, the schema takes dynamic",
        expect.stringMatching(/^t\.skip_destroy: not in the 0\.5\.0 schema/),
      ]);
    });
  });
});
