/**
 * Shared plumbing for the hand-written microsoft/msgraph bindings. `cdktf get` cannot run offline
 * and no prebuilt package exists, so each class below states its attributes as a table that
 * matches the provider schema of the one pinned version (test/contract/msgraph/provider-schema.json,
 * checked by test/contract/msgraph/bindings.spec.ts).
 *
 * Attribute values are emitted as given: Graph's camelCase keys and "@odata.type" pass through
 * unchanged, because cdktf does not re-case what synthesizeAttributes() returns.
 */
import * as cdktf from "cdktf";

export const MSGRAPH_PROVIDER_SOURCE = "microsoft/msgraph";
/**
 * Exactly one version: 0.4 retries throttled calls by itself and 0.5 sends a changed nested object
 * whole instead of only its changed keys (which made Graph reset the keys left out), so every
 * upgrade changes what reaches Graph and is a reviewed change (docs/decisions.md).
 */
export const MSGRAPH_VERSION_CONSTRAINT = "0.5.0";

/** Graph API version: `v1.0` unless a payload exists only in `beta`. */
export type GraphApiVersion = "v1.0" | "beta";

/** Query parameters: name → values, e.g. `{ "$expand": ["settings"] }`. */
export type QueryParameters = Record<string, string[]>;

/** A request body: Graph JSON, typed by the caller with @microsoft/microsoft-graph-types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphBody = { [key: string]: any };

export interface MsGraphRetry {
  /** Regular expressions of error messages that are retried. */
  readonly errorMessageRegex: string[];
}

export interface MsGraphTimeouts {
  readonly create?: string;
  readonly read?: string;
  readonly update?: string;
  readonly delete?: string;
}

type Kind = "string" | "bool" | "dynamic" | "stringMap" | "stringList" | "queryParameters" | "retry" | "timeouts";

/** One row of an attribute table: TypeScript prop name → terraform attribute name and kind. */
export interface AttributeSpec {
  readonly tf: string;
  readonly kind: Kind;
}

export type AttributeTable<C> = { readonly [K in keyof C]?: AttributeSpec };

function toTerraform(kind: Kind, value: unknown): unknown {
  if (value === undefined) return undefined;
  switch (kind) {
    case "string":
      return cdktf.stringToTerraform(value as string);
    case "bool":
      return cdktf.booleanToTerraform(value as boolean);
    case "stringList":
      return cdktf.listMapper(cdktf.stringToTerraform, false)(value);
    case "stringMap":
      return cdktf.hashMapper(cdktf.stringToTerraform)(value);
    case "queryParameters":
      return cdktf.hashMapper(cdktf.listMapper(cdktf.stringToTerraform, false))(value);
    case "dynamic":
      return cdktf.hashMapper(cdktf.anyToTerraform)(value);
    case "retry":
      // `retry` is a single nested *attribute*: an object, not a list of blocks
      return { error_message_regex: (value as MsGraphRetry).errorMessageRegex };
    case "timeouts":
      return value;
  }
}

const HCL_TYPE: Record<Kind, { type: string; storageClassType: string; isBlock: boolean }> = {
  string: { type: "simple", storageClassType: "string", isBlock: false },
  bool: { type: "simple", storageClassType: "boolean", isBlock: false },
  stringList: { type: "list", storageClassType: "stringList", isBlock: false },
  stringMap: { type: "map", storageClassType: "stringMap", isBlock: false },
  queryParameters: { type: "map", storageClassType: "stringListMap", isBlock: false },
  dynamic: { type: "simple", storageClassType: "any", isBlock: false },
  retry: { type: "struct", storageClassType: "MsGraphRetry", isBlock: false },
  timeouts: { type: "struct", storageClassType: "MsGraphTimeouts", isBlock: true },
};

function synthesize<C>(table: AttributeTable<C>, config: C): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(table) as (keyof C)[]) {
    const spec = table[k]!;
    const v = toTerraform(spec.kind, config[k]);
    if (v !== undefined) out[spec.tf] = v;
  }
  return out;
}

function synthesizeHcl<C>(table: AttributeTable<C>, config: C): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(table) as (keyof C)[]) {
    const spec = table[k]!;
    const value = toTerraform(spec.kind, config[k]);
    if (value !== undefined) out[spec.tf] = { value, ...HCL_TYPE[spec.kind] };
  }
  return out;
}

/** Base of the msgraph resources: synthesizes the attribute table of its subclass. */
export abstract class MsGraphResourceBase<C extends cdktf.TerraformMetaArguments> extends cdktf.TerraformResource {
  protected constructor(
    scope: import("constructs").Construct,
    id: string,
    terraformResourceType: string,
    private readonly config: C,
    private readonly table: AttributeTable<C>,
  ) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata: { providerName: "msgraph", providerVersionConstraint: MSGRAPH_VERSION_CONSTRAINT },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
  }

  /** The object id Graph returned (`id`). */
  get graphId(): string {
    return this.getStringAttribute("id");
  }

  /** One value from `response_export_values`, e.g. `exportedValue("app_id")`. */
  exportedValue(name: string): string {
    return cdktf.Token.asString(this.interpolationForAttribute(`output.${name}`));
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return synthesize(this.table, this.config);
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return synthesizeHcl(this.table, this.config);
  }
}

/** Base of the msgraph data sources. */
export abstract class MsGraphDataSourceBase<C extends cdktf.TerraformMetaArguments> extends cdktf.TerraformDataSource {
  protected constructor(
    scope: import("constructs").Construct,
    id: string,
    terraformResourceType: string,
    private readonly config: C,
    private readonly table: AttributeTable<C>,
  ) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata: { providerName: "msgraph", providerVersionConstraint: MSGRAPH_VERSION_CONSTRAINT },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
  }

  get graphId(): string {
    return this.getStringAttribute("id");
  }

  exportedValue(name: string): string {
    return cdktf.Token.asString(this.interpolationForAttribute(`output.${name}`));
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return synthesize(this.table, this.config);
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return synthesizeHcl(this.table, this.config);
  }
}
