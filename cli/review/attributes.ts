/**
 * Attribute-by-attribute differences of two resource bodies, formatted for a Markdown table.
 * Shared by the diff (synthesized JSON) and the drift report (plan JSON with sensitive masks).
 */
import { flatten, isSecretAttribute, isSensitiveMarker, jsonEqual, looksSecretValue, SENSITIVE } from "./values";
import { isObject } from "../../stacks/synthesized";

export interface AttributeChange {
  /** Dotted path: `conditions.users.excluded_groups`, `security_rule[AllowHttps].priority`. */
  readonly path: string;
  /** Formatted old value; undefined when the attribute is new. */
  readonly before?: string;
  /** Formatted new value; undefined when the attribute is gone. */
  readonly after?: string;
}

export const HIDDEN = "(sensitive value hidden)";

export interface AttributeOptions {
  /** Turns references into labels, per side. */
  readonly hzBefore?: (s: string) => string;
  readonly hzAfter?: (s: string) => string;
  /** True when the value at this path must not be shown (plan `*_sensitive`). */
  readonly sensitive?: (path: string, side: "before" | "after") => boolean;
  /** The resource type, for the attributes that are secret by definition (isSecretAttribute). */
  readonly type?: string;
}

const MAX_VALUE = 160;
const SENSITIVE_JSON = JSON.stringify(SENSITIVE).slice(1, -1);

/** The leaf attributes that differ, in path order. */
export function attributeChanges(before: unknown, after: unknown, opts: AttributeOptions = {}): AttributeChange[] {
  const b = flatten(before ?? {});
  const a = flatten(after ?? {});
  const paths = [...new Set([...b.keys(), ...a.keys()])].sort();
  const out: AttributeChange[] = [];
  for (const path of paths) {
    const vb = b.get(path);
    const va = a.get(path);
    if (jsonEqual(vb, va)) continue;
    // Hidden: what the plan marks sensitive, what has the shape of a secret, and the attributes
    // that are secrets by definition; never by a word inside a name (passwordRequiredType is not
    // a password). A secret is text: a boolean or a number is shown.
    const hide = (side: "before" | "after") => {
      const v = side === "before" ? vb : va;
      return (
        (opts.sensitive?.(path, side) ?? false) ||
        looksSecretValue(v) ||
        (isSecretAttribute(opts.type, path) && typeof v !== "boolean" && typeof v !== "number" && v !== null)
      );
    };
    let fb = b.has(path) ? (hide("before") ? HIDDEN : formatValue(vb, opts.hzBefore)) : undefined;
    let fa = a.has(path) ? (hide("after") ? HIDDEN : formatValue(va, opts.hzAfter)) : undefined;
    if (Array.isArray(vb) && Array.isArray(va) && fb !== HIDDEN && fa !== HIDDEN && vb.length + va.length > 8) {
      // long lists: show what left and what came
      const sb = vb.map((x) => formatScalar(x, opts.hzBefore));
      const sa = va.map((x) => formatScalar(x, opts.hzAfter));
      const gone = sb.filter((x) => !sa.includes(x));
      const came = sa.filter((x) => !sb.includes(x));
      fb = gone.length ? `removed: ${clip(gone.join(", "))}` : `${vb.length} items`;
      fa = came.length ? `added: ${clip(came.join(", "))}` : `${va.length} items (reordered)`;
    }
    out.push({ path, before: fb, after: fa });
  }
  return out;
}

/** A value as short text: strings as they are (references humanized), lists comma-separated, objects as compact JSON. */
export function formatValue(v: unknown, hz: (s: string) => string = (s) => s): string {
  if (Array.isArray(v)) return v.length === 0 ? "[]" : clip(v.map((x) => formatScalar(x, hz)).join(", "));
  if (isObject(v)) return JSON.stringify(v).includes(SENSITIVE_JSON) || looksSecretValue(v) ? HIDDEN : clip(hz(JSON.stringify(v)));
  return clip(formatScalar(v, hz));
}

function formatScalar(v: unknown, hz: (s: string) => string = (s) => s): string {
  if (isSensitiveMarker(v) || looksSecretValue(v)) return HIDDEN;
  if (typeof v === "string") return hz(v);
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") return hz(JSON.stringify(v));
  return String(v);
}

function clip(s: string): string {
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}
