/**
 * The synthesized output as rules see it: `cdktf.out/stacks/<tenant>-<area>/cdk.tf.json`, read
 * as plain JSON. Helpers here smooth over the shapes Terraform JSON allows (a single nested block
 * is an object or a one-element list) so each rule stays a short table of conditions.
 */
import * as fs from "fs";
import * as path from "path";
import { AREAS, Area, stackName } from "../stacks/werkplek-stack";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface SynthesizedStack {
  /** `<tenant>-<area>` */
  readonly name: string;
  readonly area: Area;
  /** `cdk.tf.json` */
  readonly json: Json;
  /** Other JSON files under the stack folder by relative path (e.g. `teams-policies.json`). */
  readonly sideFiles: Readonly<Record<string, Json>>;
}

export interface TfResource {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  /** `type.name` */
  readonly address: string;
  /** Construct path inside the stack (`group-it/Resource`), when cdktf recorded it. */
  readonly path?: string;
  readonly body: Json;
}

/** Every managed resource of a type in a stack. */
export function resourcesOf(stack: SynthesizedStack, type: string): TfResource[] {
  const byName: Record<string, Json> = stack.json?.resource?.[type] ?? {};
  return Object.keys(byName)
    .sort()
    .map((name) => {
      const body = byName[name];
      const full: unknown = body?.["//"]?.metadata?.path;
      const p = typeof full === "string" && full.startsWith(`${stack.name}/`) ? full.slice(stack.name.length + 1) : undefined;
      return { stack: stack.name, type, name, address: `${type}.${name}`, path: p, body };
    });
}

/** Reads the synthesized stacks of one tenant; areas without a cdk.tf.json are left out. */
export function readTenantStacks(outdir: string, tenant: string): SynthesizedStack[] {
  const stacks: SynthesizedStack[] = [];
  for (const area of AREAS) {
    const name = stackName(tenant, area);
    const dir = path.join(outdir, "stacks", name);
    const file = path.join(dir, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const json = readJson(file);
    if (!json || typeof json !== "object" || Array.isArray(json)) {
      throw new SynthesizedOutputError(`${file}: not a Terraform JSON configuration (an object), found ${json === null ? "null" : Array.isArray(json) ? "an array" : typeof json}`);
    }
    stacks.push({ name, area, json, sideFiles: readSideFiles(dir) });
  }
  return stacks;
}

function readJson(file: string): Json {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new SynthesizedOutputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

function readSideFiles(dir: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== ".terraform") walk(p);
      else if (e.isFile() && e.name.endsWith(".json") && p !== path.join(dir, "cdk.tf.json")) out[path.relative(dir, p).split(path.sep).join("/")] = readJson(p);
    }
  };
  walk(dir);
  return out;
}

/** The synthesized output cannot be read (bad JSON): input error, exit code 2. */
export class SynthesizedOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SynthesizedOutputError";
  }
}

/** A nested block: Terraform JSON allows an object or a list of one; absent gives `{}`. */
export function block(v: Json): Json {
  if (Array.isArray(v)) return v[0] ?? {};
  return v && typeof v === "object" ? v : {};
}

/**
 * A list attribute as a list of strings (absent gives `[]`; a lone value becomes a list of one).
 * Numbers count as their text: Terraform converts `destination_port_range = 22` to "22", so a
 * rule must see it too.
 */
export function list(v: Json): string[] {
  const text = (x: unknown): string | undefined => (typeof x === "string" ? x : typeof x === "number" && Number.isFinite(x) ? String(x) : undefined);
  if (Array.isArray(v)) return v.map(text).filter((x): x is string => x !== undefined);
  const one = text(v);
  return one === undefined ? [] : [one];
}

/** A list of nested blocks (absent gives `[]`, a lone object a list of one). */
export function blocks(v: Json): Json[] {
  if (Array.isArray(v)) return v.filter((x) => x && typeof x === "object");
  return v && typeof v === "object" ? [v] : [];
}

/** True when Terraform would protect the resource from `destroy`. */
export function preventsDestroy(r: TfResource): boolean {
  return block(r.body.lifecycle).prevent_destroy === true;
}

/** A Terraform expression (`${...}`) rather than a literal value. */
export function isExpression(v: unknown): boolean {
  return typeof v === "string" && v.startsWith("${") && v.endsWith("}");
}

/** The Graph body of an msgraph resource as an object (`{}` when absent). */
export function graphBody(r: TfResource): Json {
  const b = r.body.body;
  return b && typeof b === "object" && !Array.isArray(b) ? b : {};
}

/** The url of an msgraph resource without a leading slash or api version. */
export function graphUrl(r: TfResource): string {
  const u = typeof r.body.url === "string" ? r.body.url : "";
  return u.replace(/^\/+/, "").replace(/^(v1\.0|beta)\//, "");
}

/** The `@odata.type` of an msgraph body, without the leading `#`. */
export function odataType(r: TfResource): string | undefined {
  const t = graphBody(r)["@odata.type"];
  return typeof t === "string" ? t.replace(/^#/, "") : undefined;
}
