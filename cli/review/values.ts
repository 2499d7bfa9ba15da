/**
 * Helpers over attribute values for comparing two versions of a resource (synthesized JSON or plan
 * JSON). Reading blocks and lists is the reader's (stacks/synthesized.ts: block, blocks, strings).
 */
import { isObject, JsonObject } from "../../stacks/synthesized";

export function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

/** Items in `after` that are not in `before`. */
export function added(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((x) => !before.includes(x));
}

/** Deep equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** JSON with sorted object keys, so equal values give equal strings. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** Leaf paths of a value: objects by key, lists of objects by a natural key or index; lists of scalars stay whole. */
export function flatten(v: unknown, prefix = "", out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (isObject(v)) {
    const keys = Object.keys(v).filter((k) => k !== "//");
    if (keys.length === 0 && prefix) out.set(prefix, v);
    for (const k of keys.sort()) flatten(v[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(v) && v.length > 0 && v.every(isObject)) {
    const keyOf = naturalKey(v as JsonObject[]);
    if (!keyOf && v.length === 1) {
      flatten(v[0], prefix, out); // a nested block as state writes it
    } else {
      v.forEach((item, i) => flatten(item, `${prefix}[${keyOf ? keyOf(item as JsonObject) : i}]`, out));
    }
  } else if (prefix) {
    out.set(prefix, v);
  }
  return out;
}

const NAME_KEYS = ["name", "Identity", "identity", "category", "displayName", "display_name", "id", "key"];
const TYPE_KEYS = ["cmdlet", "type", "policyType", "PolicyType", "@odata.type", "kind"];

/**
 * How to name each item of a list uniquely (NSG rules by name, log categories, Teams policies by
 * cmdlet and Identity), so an insertion does not renumber the rest; undefined when nothing does.
 */
function naturalKey(items: JsonObject[]): ((item: JsonObject) => string) | undefined {
  const unique = (f: (i: JsonObject) => unknown) => {
    const values = items.map(f);
    return values.every((x) => typeof x === "string") && new Set(values).size === values.length;
  };
  for (const key of NAME_KEYS) {
    if (unique((i) => i[key])) return (i) => String(i[key]);
  }
  for (const type of TYPE_KEYS) {
    for (const key of NAME_KEYS) {
      const pair = (i: JsonObject) => (typeof i[type] === "string" && typeof i[key] === "string" ? `${i[type]} ${i[key]}` : undefined);
      if (unique(pair)) return (i) => String(pair(i));
    }
  }
  return undefined;
}

/**
 * Secret material recognised by its shape, whatever the attribute is called and whether or not
 * the plan marks it: a JSON web token (header and payload are base64url JSON, so both start with
 * "eyJ"), a shared access signature (the `sig=` of a SAS URL or token), a connection string with a
 * key or password, a PEM private key.
 */
const SECRET_SHAPES: readonly RegExp[] = [
  /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/,
  /(^|[?&;\s"])sig=[^&\s"]{8,}/i,
  /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=[^;\s"]{4,}/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

/** True when a value (or any string inside it) has the shape of secret material. */
export function looksSecretValue(v: unknown): boolean {
  if (typeof v === "string") return SECRET_SHAPES.some((re) => re.test(v));
  if (Array.isArray(v) || isObject(v)) return looksSecretValue(JSON.stringify(v));
  return false;
}

/**
 * Attributes that are secret material by what they are, for the resource types werkplek makes:
 * the provider schemas mark them Sensitive, so a plan normally masks them (`*_sensitive`); this
 * keeps them hidden in a plan that lost the marks and in synthesized JSON, which has none. Exact
 * attribute paths: `passwordRequiredType` or a group called secretariaat are ordinary values.
 */
const SECRET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  azurerm_key_vault_secret: ["value", "value_wo"],
  azurerm_key_vault_certificate: ["certificate.contents", "certificate.password"],
  azurerm_linux_virtual_machine: ["admin_password", "custom_data", "user_data"],
  azurerm_storage_account: [
    "primary_access_key",
    "secondary_access_key",
    "primary_connection_string",
    "secondary_connection_string",
    "primary_blob_connection_string",
    "secondary_blob_connection_string",
  ],
  azurerm_log_analytics_workspace: ["primary_shared_key", "secondary_shared_key"],
  azuread_application_password: ["value"],
  azuread_service_principal_password: ["value"],
  random_password: ["result", "bcrypt_hash"],
};

/** True when the attribute at `path` of a resource of `type` holds secret material by definition. */
export function isSecretAttribute(type: string | undefined, path: string): boolean {
  return type !== undefined && (SECRET_ATTRIBUTES[type] ?? []).includes(path);
}

/** Marker strings that stand in for sensitive plan values; printed as "(sensitive value hidden)". */
export const SENSITIVE = "\u0000sensitive";

export function isSensitiveMarker(v: unknown): boolean {
  return typeof v === "string" && v.startsWith(SENSITIVE);
}
