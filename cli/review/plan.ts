/**
 * Reading `terraform show -json <planfile>` output (format_version 1.x, documented in
 * terraform's internals/json-format) and hiding every value marked sensitive.
 */
import { readTextFile } from "../../constructs/text-file";
import { UsageError } from "../command";
import { jsonEqual, SENSITIVE } from "./values";
import { isObject, JsonObject } from "../../stacks/synthesized";

export interface PlanChange {
  readonly actions: string[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly before_sensitive?: unknown;
  readonly after_sensitive?: unknown;
  readonly replace_paths?: unknown;
}

export interface PlanResource {
  readonly address: string;
  readonly mode?: string;
  readonly type: string;
  readonly name: string;
  readonly change: PlanChange;
  readonly action_reason?: string;
}

export interface Plan {
  readonly file: string;
  readonly formatVersion: string;
  readonly resourceDrift: PlanResource[];
  readonly resourceChanges: PlanResource[];
}

/**
 * The actions `change.actions` may hold (terraform internal/command/jsonplan/plan.go, `Change`):
 * ["no-op"], ["create"], ["read"], ["update"], ["delete", "create"], ["create", "delete"],
 * ["delete"], ["forget"], ["create", "forget"]. Anything else would make a resource vanish from
 * the report, so it is refused.
 */
export const PLAN_ACTIONS = ["no-op", "create", "read", "update", "delete", "forget"] as const;

const SHOW_JSON = "expected the output of 'terraform show -json <planfile>' (terraform plan -refresh-only -out tfplan, then terraform show -json tfplan)";

/**
 * Reads one plan file; anything unreadable, or anything that is not a complete plan, is a
 * UsageError naming the file: a file that cannot show drift must never read as "no drift".
 */
export function readPlan(file: string): Plan {
  const read = readTextFile(file, { utf16: true });
  if ("problem" in read) {
    const { line, col, message, unreadable } = read.problem;
    throw new UsageError(`drift: ${file}${line ? `:${line}:${col}` : ""}: ${unreadable ? `cannot read the file (${message})` : message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (e) {
    throw new UsageError(`drift: ${file}: not JSON (${(e as Error).message}); ${SHOW_JSON}`);
  }
  if (!isObject(json) || typeof json.format_version !== "string") {
    throw new UsageError(`drift: ${file}: no format_version; ${SHOW_JSON}`);
  }
  if (!/^1\./.test(json.format_version)) {
    throw new UsageError(`drift: ${file}: format_version "${json.format_version}" is not supported; allowed: 1.x`);
  }
  const isPlan = ["planned_values", "resource_changes", "resource_drift"].some((k) => k in json);
  if (!isPlan) {
    const what = "values" in json ? "terraform state (terraform show -json without a plan file, or of a .tfstate)" : "neither a plan nor state (no planned_values, resource_changes or resource_drift)";
    throw new UsageError(`drift: ${file}: this is ${what}, which cannot show drift; ${SHOW_JSON}`);
  }
  if (json.errored === true) {
    throw new UsageError(
      `drift: ${file}: the plan errored ("errored": true): terraform stopped before it reached every resource, so drift cannot be ruled out; fix the error in the plan step's log and plan again`,
    );
  }
  if (json.complete === false) {
    throw new UsageError(
      `drift: ${file}: the plan is incomplete ("complete": false: planned with -target, or with deferred changes): it does not cover every resource, so drift cannot be ruled out; plan the whole stack`,
    );
  }
  const shape = "{address, type, name, change: {actions, before, after}}";
  const list = (key: string): PlanResource[] => {
    const v = json[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new UsageError(`drift: ${file}: ${key} must be a list of ${shape}`);
    v.forEach((r, i) => {
      const wrong = !isObject(r)
        ? "is not an object"
        : (["address", "type", "name"] as const).filter((k) => typeof r[k] !== "string").map((k) => `has no string "${k}"`)[0] ??
          (!isObject(r.change) || !Array.isArray(r.change.actions) || !r.change.actions.every((a) => typeof a === "string")
            ? 'has no "change.actions" list'
            : r.change.actions.length === 0
              ? 'has an empty "change.actions" list'
              : r.change.actions
                  .filter((a: string) => !(PLAN_ACTIONS as readonly string[]).includes(a))
                  .map((a: string) => `(${r.address}) has the unknown action "${a}"; allowed: ${PLAN_ACTIONS.join(", ")}`)[0]);
      if (wrong) throw new UsageError(`drift: ${file}: ${key}[${i}] ${wrong}; expected ${shape}`);
    });
    return v as unknown as PlanResource[];
  };
  return { file, formatVersion: json.format_version, resourceDrift: list("resource_drift"), resourceChanges: list("resource_changes") };
}

const SENSITIVE_OLD = `${SENSITIVE}:1`;
const SENSITIVE_NEW = `${SENSITIVE}:2`;

/**
 * `before` and `after` with every value marked in `before_sensitive`/`after_sensitive` replaced by
 * a marker (the same marker on both sides when the value did not change, different ones when it
 * did), so a change of a secret shows as a change without showing the secret.
 */
export function redact(change: PlanChange): { before?: JsonObject; after?: JsonObject } {
  const [b, a] = redactPair(change.before, change.after, change.before_sensitive, change.after_sensitive);
  return { before: isObject(b) ? b : undefined, after: isObject(a) ? a : undefined };
}

function redactPair(b: unknown, a: unknown, mb: unknown, ma: unknown): [unknown, unknown] {
  if (mb === true || ma === true) {
    if (jsonEqual(b, a)) return [b === undefined ? undefined : SENSITIVE_OLD, a === undefined ? undefined : SENSITIVE_OLD];
    return [b === undefined || b === null ? b : SENSITIVE_OLD, a === undefined || a === null ? a : SENSITIVE_NEW];
  }
  if (Array.isArray(b) || Array.isArray(a)) {
    const lb = Array.isArray(b) ? b : undefined;
    const la = Array.isArray(a) ? a : undefined;
    const n = Math.max(lb?.length ?? 0, la?.length ?? 0);
    const rb: unknown[] = [];
    const ra: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const [x, y] = redactPair(lb?.[i], la?.[i], Array.isArray(mb) ? mb[i] : undefined, Array.isArray(ma) ? ma[i] : undefined);
      if (lb && i < lb.length) rb.push(x);
      if (la && i < la.length) ra.push(y);
    }
    return [lb ? rb : redactOne(b, mb), la ? ra : redactOne(a, ma)];
  }
  if (isObject(b) || isObject(a)) {
    const ob = isObject(b) ? b : undefined;
    const oa = isObject(a) ? a : undefined;
    const rb: JsonObject = {};
    const ra: JsonObject = {};
    for (const k of new Set([...Object.keys(ob ?? {}), ...Object.keys(oa ?? {})])) {
      const [x, y] = redactPair(ob?.[k], oa?.[k], isObject(mb) ? mb[k] : undefined, isObject(ma) ? ma[k] : undefined);
      if (ob && k in ob) rb[k] = x as JsonObject[string];
      if (oa && k in oa) ra[k] = y as JsonObject[string];
    }
    return [ob ? rb : redactOne(b, mb), oa ? ra : redactOne(a, ma)];
  }
  return [b, a];
}

/** One side whose shape differs from the other side's (a list became a string, ...). */
function redactOne(v: unknown, mask: unknown): unknown {
  if (mask === true) return v === undefined || v === null ? v : SENSITIVE_OLD;
  if (Array.isArray(v)) return v.map((x, i) => redactOne(x, Array.isArray(mask) ? mask[i] : undefined));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactOne(x, isObject(mask) ? mask[k] : undefined)]));
  return v;
}
