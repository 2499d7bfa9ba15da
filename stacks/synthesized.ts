/**
 * The one reader of the synthesized output: `cdktf.out/stacks/<tenant>-<area>/cdk.tf.json` and
 * the JSON documents beside it (the Teams desired state), read as plain JSON. The guardrails,
 * `werkplek diff`, `werkplek docs` and the synth summary all read stacks through it.
 *
 * Helpers here smooth over the shapes Terraform JSON allows (a single nested block is an object
 * in synthesized JSON and a one-element list in plan/state JSON) so each reader stays a short
 * table of conditions.
 */
import * as fs from "fs";
import * as path from "path";
import { DOCUMENT_PATH_VARIABLE } from "../constructs/teams/teams-policies";
import { AREAS, Area, stackName } from "./werkplek-stack";

/** A value in Terraform JSON: untyped by nature; readers narrow it with the helpers below. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export type JsonObject = { [key: string]: Json };

/** The top-level blocks of a synthesized stack (`cdk.tf.json`) that werkplek reads. */
export interface StackJson {
  terraform?: { required_providers?: Record<string, { source: string; version?: string }>; backend?: Record<string, JsonObject> };
  provider?: Record<string, JsonObject[]>;
  resource?: Record<string, Record<string, JsonObject>>;
  data?: Record<string, Record<string, JsonObject>>;
  output?: Record<string, { value?: Json; sensitive?: boolean }>;
  import?: JsonObject[];
}

export interface SynthesizedStack {
  /** `<tenant>-<area>` */
  readonly name: string;
  /** Undefined for a stack folder whose name ends in no known area. */
  readonly area?: Area;
  readonly json: StackJson;
  /**
   * The other JSON documents in the stack folder (the Teams desired state) by relative path, with
   * each content-hash folder of an asset read as `*`, so the key does not change with the content.
   */
  readonly documents: Readonly<Record<string, Json>>;
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

/** The synthesized output cannot be read (missing, bad JSON, not an object): an input error, exit code 2. */
export class SynthesizedOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SynthesizedOutputError";
  }
}

/** Area of a stack from its name suffix (`kraainem-conditional-access` → `conditional-access`). */
export function areaOf(stack: string): Area | undefined {
  // longest first, so `-remote-access` is not read as a shorter `-access` area
  return [...AREAS].sort((a, b) => b.length - a.length).find((a) => stack.endsWith(`-${a}`));
}

/** Tenant of a stack: its name without the area suffix. */
export function tenantOf(stack: string): string {
  const area = areaOf(stack);
  return area ? stack.slice(0, -(area.length + 1)) : stack;
}

/** The `stacks/` folder of a cdktf output folder (`cdktf.out`, or a folder holding one); undefined when there is none. */
export function stacksFolder(dir: string): string | undefined {
  for (const candidate of [path.join(dir, "stacks"), path.join(dir, "cdktf.out", "stacks")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) return candidate;
  }
  return undefined;
}

/** Reads one stack folder; undefined when it holds no `cdk.tf.json`. */
export function readStack(dir: string): SynthesizedStack | undefined {
  const file = path.join(dir, "cdk.tf.json");
  if (!fs.existsSync(file)) return undefined;
  const json = readJson(file);
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw new SynthesizedOutputError(`${file}: not a Terraform JSON configuration (an object), found ${json === null ? "null" : Array.isArray(json) ? "an array" : typeof json}`);
  }
  const name = path.basename(dir);
  return { name, area: areaOf(name), json, documents: readDocuments(dir) };
}

/** Every synthesized stack of a cdktf output folder, by name. */
export function readStacks(dir: string): SynthesizedStack[] {
  const folder = stacksFolder(dir);
  if (!folder) throw new SynthesizedOutputError(`${dir}: no synthesized stacks found (expected ${path.join(dir, "stacks")} or ${path.join(dir, "cdktf.out", "stacks")}); run 'npm run synth' first`);
  return fs
    .readdirSync(folder)
    .sort()
    .map((name) => readStack(path.join(folder, name)))
    .filter((s): s is SynthesizedStack => s !== undefined);
}

/** The synthesized stacks of one tenant, in deploy order; areas without a `cdk.tf.json` are left out. */
export function readTenantStacks(outdir: string, tenant: string): SynthesizedStack[] {
  return AREAS.map((area) => readStack(path.join(outdir, "stacks", stackName(tenant, area)))).filter((s): s is SynthesizedStack => s !== undefined);
}

function readJson(file: string): Json {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new SynthesizedOutputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** JSON documents in a stack folder other than the stack itself and terraform's own files (.terraform, lock files, plans, state). */
function readDocuments(stackDir: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "plan") continue;
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, relPath);
      else if (entry.name.endsWith(".json") && relPath !== "cdk.tf.json" && !entry.name.endsWith(".tfstate.json")) {
        out[documentKey(relPath)] = readJson(full);
      }
    }
  };
  walk(stackDir, "");
  return out;
}

/** cdktf puts assets under a folder named after their content hash; the key must not change with the content. */
export function documentKey(relPath: string): string {
  return relPath
    .split("/")
    .map((seg) => (/^[0-9A-Fa-f]{16,}$/.test(seg) ? "*" : seg))
    .join("/");
}

/**
 * Path of the Teams desired-state document of a synthesized collaboration stack folder
 * (`cdktf.out/stacks/<tenant>-collaboration`), exactly as the apply step receives it.
 */
export function findTeamsDocument(stackDir: string): string {
  const stack = readStack(stackDir);
  for (const data of resourcesOf(stack ?? { name: "", json: {}, documents: {} }, "terraform_data")) {
    for (const p of blocks(data.body.provisioner)) {
      const relative = block(p["local-exec"]).environment?.[DOCUMENT_PATH_VARIABLE];
      if (typeof relative === "string") return path.join(stackDir, relative);
    }
  }
  throw new SynthesizedOutputError(`${path.join(stackDir, "cdk.tf.json")}: no Teams policy document; is this a <tenant>-collaboration stack?`);
}

/** Every managed resource of a type in a stack, by name. */
export function resourcesOf(stack: SynthesizedStack, type: string): TfResource[] {
  const byName: Record<string, Json> = stack.json.resource?.[type] ?? {};
  return Object.keys(byName)
    .sort()
    .map((name) => {
      const body = byName[name];
      const full: unknown = body?.["//"]?.metadata?.path;
      const p = typeof full === "string" && full.startsWith(`${stack.name}/`) ? full.slice(stack.name.length + 1) : undefined;
      return { stack: stack.name, type, name, address: `${type}.${name}`, path: p, body };
    });
}

/** Number of managed resources in a stack. */
export function resourceCount(json: StackJson): number {
  return Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A nested block as an object: Terraform JSON allows an object or a list of one; absent gives `{}`. */
export function block(v: unknown): JsonObject {
  if (Array.isArray(v)) return v.length > 0 && isObject(v[0]) ? v[0] : {};
  return isObject(v) ? v : {};
}

/** A list of nested blocks (absent gives `[]`, a lone object a list of one). */
export function blocks(v: unknown): JsonObject[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/**
 * A list attribute as a list of strings (absent gives `[]`; a lone value becomes a list of one).
 * Numbers count as their text: Terraform converts `destination_port_range = 22` to "22", so a
 * reader must see it too.
 */
export function strings(v: unknown): string[] {
  const text = (x: unknown): string | undefined => (typeof x === "string" ? x : typeof x === "number" && Number.isFinite(x) ? String(x) : undefined);
  if (Array.isArray(v)) return v.map(text).filter((x): x is string => x !== undefined);
  const one = text(v);
  return one === undefined ? [] : [one];
}

/** True when Terraform would protect the resource from `destroy`. */
export function preventsDestroy(r: TfResource): boolean {
  return block(r.body.lifecycle).prevent_destroy === true;
}

/** A Terraform expression (`${...}`) rather than a literal value. */
export function isExpression(v: unknown): boolean {
  return typeof v === "string" && v.startsWith("${") && v.endsWith("}");
}

/** A value that is exactly one reference `${type.name.attribute}`: its parts; undefined for anything else. */
export function referenceOf(v: unknown): { readonly type: string; readonly name: string; readonly attribute: string } | undefined {
  const m = typeof v === "string" ? /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}$/.exec(v) : null;
  return m ? { type: m[1], name: m[2], attribute: m[3] } : undefined;
}

/** The Graph body of an msgraph resource as an object (`{}` when absent). */
export function graphBody(r: TfResource): JsonObject {
  return isObject(r.body.body) ? r.body.body : {};
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

/** A stack folder the synth wrote before that no stack writes now. */
export interface StaleStackFolder {
  /** `<tenant>-<area>` */
  readonly name: string;
  readonly dir: string;
  readonly tenant: string;
  /** Local Terraform state in the folder (relative paths): never deleted. */
  readonly stateFiles: readonly string[];
}

/**
 * The `<tenant>-<area>` folders under `<outdir>/stacks` that no stack of this synth writes: those of
 * tenants without a tenant file, and areas a tenant built in this run no longer has. Only folders
 * named after a known area are considered; anything else in the folder is not the synth's.
 * Without their removal a diff would compare stale stacks of a deleted or renamed tenant.
 */
export function staleStackFolders(
  outdir: string,
  current: { readonly tenants: readonly string[]; readonly built: readonly string[]; readonly stacks: readonly string[] },
): StaleStackFolder[] {
  const folder = path.join(outdir, "stacks");
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && areaOf(e.name) !== undefined && !current.stacks.includes(e.name))
    .map((e) => ({ name: e.name, dir: path.join(folder, e.name), tenant: tenantOf(e.name) }))
    .filter((s) => !current.tenants.includes(s.tenant) || current.built.includes(s.tenant))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({ ...s, stateFiles: stateFilesIn(s.dir) }));
}

/** Local Terraform state under a stack folder: `*.tfstate`, `*.tfstate.backup`, workspaces in `terraform.tfstate.d`. */
function stateFilesIn(stackDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      // .terraform/terraform.tfstate is the backend configuration terraform init caches, not state
      if (e.name === ".terraform") continue;
      if (e.isDirectory()) walk(path.join(dir, e.name), relPath);
      else if (/\.tfstate(\.backup)?$/.test(e.name) || relPath.startsWith("terraform.tfstate.d/")) out.push(relPath);
    }
  };
  walk(stackDir, "");
  return out;
}
