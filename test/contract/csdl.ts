/**
 * Checks one Microsoft Graph request (test/contract/requests.ts) against Graph's published
 * metadata, pruned to what the project sends (test/contract/graph/<version>.json, made by
 * scripts/contract/prune-graph-metadata.mjs from microsoftgraph/msgraph-metadata, see SOURCE.md).
 *
 * What it decides, and from which published fact:
 * - the URL resolves: entity set or singleton, keys, casts, navigation properties, bound
 *   operations (CSDL structure);
 * - `@odata.type` names a type that is, or derives from, the type the URL or property expects;
 * - every body property exists on its type, recursively; enum values are members;
 * - no property is read-only (`Org.OData.Core.V1.Computed`, `Core.Permissions` Read, or a
 *   description that says "read-only"), immutable on update (`Core.Immutable`, or a description
 *   that says immutable / can only be set while creating) or deprecated (`Core.Revisions` of kind
 *   Deprecated, or a description that says deprecated / no longer supported / obsolete).
 * The fixture is pruned: a name it does not know may be new since it was made; every message then
 * says to regenerate it rather than guess.
 */
import * as fs from "fs";
import * as path from "path";
import type { GraphApiVersion, GraphRequest } from "./requests";

// ---------------------------------------------------------------------------------------------
// the fixture format (written by scripts/contract/prune-graph-metadata.mjs)

export interface Revision {
  readonly kind: string;
  readonly date?: string;
  readonly removalDate?: string;
  readonly version?: string;
  readonly description?: string;
}

/** What Microsoft publishes about one property, type or path; absent keys were not published. */
export interface Facts {
  readonly computed?: boolean;
  readonly immutable?: boolean;
  /** `Read`, `ReadWrite`, ... (Org.OData.Core.V1.Permissions) */
  readonly permissions?: string;
  readonly description?: string;
  readonly longDescription?: string;
  readonly revisions?: readonly Revision[];
  readonly insertable?: boolean;
  readonly updatable?: boolean;
  readonly deletable?: boolean;
}

export interface CsdlProperty {
  readonly type: string;
  readonly nullable?: boolean;
  /** present only for the properties the project sends (or the seed names) */
  readonly facts?: Facts;
}

export interface CsdlNavigation {
  readonly type: string;
  readonly contained?: boolean;
  readonly facts?: Facts;
}

export interface CsdlType {
  readonly kind: "entity" | "complex";
  readonly base?: string;
  readonly abstract?: boolean;
  readonly open?: boolean;
  readonly key?: readonly string[];
  readonly properties: Readonly<Record<string, CsdlProperty>>;
  readonly navigation: Readonly<Record<string, CsdlNavigation>>;
  readonly facts?: Facts;
  /** a hand-made excerpt left out the descriptions of properties not sent (SOURCE.md) */
  readonly descriptionsLeftOut?: boolean;
}

export interface CsdlEnum {
  readonly flags?: boolean;
  readonly members: readonly string[];
}

export interface CsdlOperation {
  readonly kind: "action" | "function";
  readonly binding?: string;
  readonly parameters: Readonly<Record<string, { readonly type: string; readonly nullable?: boolean }>>;
  readonly returns?: string;
}

export interface GraphMetadata {
  readonly source?: Readonly<Record<string, string>>;
  readonly apiVersion: GraphApiVersion;
  readonly container: string;
  readonly entitySets: Readonly<Record<string, string>>;
  readonly singletons: Readonly<Record<string, string>>;
  readonly types: Readonly<Record<string, CsdlType>>;
  readonly enums: Readonly<Record<string, CsdlEnum>>;
  readonly operations: Readonly<Record<string, readonly CsdlOperation[]>>;
  /** facts published for URL paths (`Container/set/navigation`) and navigation properties */
  readonly paths: Readonly<Record<string, Facts>>;
}

export const FIXTURE_DIR = path.join(__dirname, "graph");
export const REGENERATE = "node scripts/contract/prune-graph-metadata.mjs (see test/contract/graph/SOURCE.md)";

export function loadMetadata(version: GraphApiVersion): GraphMetadata {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, `${version}.json`), "utf8"));
}

// ---------------------------------------------------------------------------------------------
// violations

export type Rule =
  | "url" // a URL segment that does not resolve, or the wrong kind of target for the method
  | "type" // an @odata.type that does not exist, does not derive, or is missing for an abstract type
  | "property" // a property or parameter the type does not have
  | "value" // a value of the wrong JSON shape for its type (or null where not nullable)
  | "enum" // a value that is not a member of its enum type
  | "navigation" // a navigation property written in a way Graph does not take
  | "read-only"
  | "immutable"
  | "deprecated"
  | "fixture"; // the fixture lacks what it needs to decide: regenerate it

export interface Violation {
  /** `<stack> <terraform type>.<name>` */
  readonly address: string;
  /** `url`, `url[2]` (a segment) or a JSON path into the body: `body.settings[0].settingInstance` */
  readonly path: string;
  readonly rule: Rule;
  readonly message: string;
}

export function formatViolation(v: Violation): string {
  return `${v.address}: ${v.path}: [${v.rule}] ${v.message}`;
}

// ---------------------------------------------------------------------------------------------
// helpers

const isCollection = (t: string) => t.startsWith("Collection(");
const elementOf = (t: string) => t.replace(/^Collection\((.*)\)$/, "$1");
const short = (t: string) => t.replace(/^Collection\((.*)\)$/, "Collection($1)").replace(/microsoft\.graph\./g, "");
const TERRAFORM_REF = /\$\{[^}]*\}/;

/** Splits a URL path on "/" outside `${...}` Terraform expressions. */
export function splitUrl(url: string): string[] {
  const out: string[] = [];
  let cur = "";
  let depth = 0;
  const p = url.replace(/^\/+/, "").replace(/[?#].*$/, "");
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "$" && p[i + 1] === "{") {
      depth++;
      cur += "${";
      i++;
      continue;
    }
    if (c === "}" && depth > 0) depth--;
    if (c === "/" && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.filter((s) => s !== "");
}

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The closest names first (at most `n`), for "did you mean" in messages. */
export function nearest(name: string, candidates: Iterable<string>, n = 3): string[] {
  return [...new Set(candidates)]
    .map((c) => [c, distance(name, c)] as const)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([c]) => c);
}

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n/).filter(Boolean);
}

/** Why a property is read-only, from its facts, or undefined. */
export function readOnlyReason(f: Facts | undefined): string | undefined {
  if (!f) return undefined;
  if (f.computed) return "Org.OData.Core.V1.Computed";
  if (f.permissions && /^Read$/.test(f.permissions.trim())) return "Org.OData.Core.V1.Permissions: Read";
  for (const d of [f.description, f.longDescription]) {
    // "Read-only.", "This property is read-only.", "... Read-Only" — but not "read-only for partners"
    const s = d && sentences(d).find((x) => /\bread-?only\b(?!\s+(?:for|to|by|when|if|after)\b)/i.test(x));
    if (s) return `description: "${s.trim()}"`;
  }
  return undefined;
}

/** Why a property cannot change after creation, from its facts, or undefined. */
export function immutableReason(f: Facts | undefined): string | undefined {
  if (!f) return undefined;
  if (f.immutable) return "Org.OData.Core.V1.Immutable";
  for (const d of [f.description, f.longDescription]) {
    // "This property is immutable and can't be changed later.", "can only be set while creating"
    const s = d && sentences(d).find((x) => /\bimmutable\b|can(?:'t|not| not) be (?:changed|updated|modified) (?:later|after)|can only be set (?:while|when|during) creat|can be set only (?:as part of|during|when) creat/i.test(x));
    if (s) return `description: "${s.trim()}"`;
  }
  return undefined;
}

/** Why a property (or type or path) is deprecated, from its facts, or undefined. */
export function deprecationReason(f: Facts | undefined): string | undefined {
  if (!f) return undefined;
  const rev = f.revisions?.find((r) => r.kind === "Deprecated");
  if (rev) {
    const when = [rev.date ? `since ${rev.date}` : "", rev.removalDate ? `removal ${rev.removalDate}` : ""].filter(Boolean).join(", ");
    return `Org.OData.Core.V1.Revisions Deprecated${when ? ` (${when})` : ""}${rev.description ? `: "${rev.description}"` : ""}`;
  }
  for (const d of [f.description, f.longDescription]) {
    // about the property itself, not about an enum member ("unknownFutureValue - ... Don't use")
    const s = d && sentences(d).find((x) => /\b(deprecated|no longer (?:be )?supported|obsolete)\b/i.test(x) && !/unknownFutureValue|possible values/i.test(x));
    if (s) return `description: "${s.trim()}"`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// the checker

interface Target {
  /** qualified type name of what the URL addresses */
  readonly type: string;
  readonly collection: boolean;
  /** annotation target of the path (Container/set/nav/...) */
  readonly pathTarget: string;
  /** the last segment was a navigation property of this declaring type (for its facts) */
  readonly via?: { readonly declaring: string; readonly name: string; readonly contained: boolean };
  readonly operation?: { readonly name: string; readonly op: CsdlOperation };
  readonly ref?: boolean;
}

interface Context {
  readonly md: GraphMetadata;
  readonly req: GraphRequest;
  readonly out: Violation[];
}

type Member = { declaring: string; nav: false; def: CsdlProperty } | { declaring: string; nav: true; def: CsdlNavigation };

function memberOf(md: GraphMetadata, type: string, name: string): Member | undefined {
  for (let t: string | undefined = type; t && md.types[t]; t = md.types[t].base) {
    const ty = md.types[t];
    if (ty.properties[name]) return { declaring: t, nav: false, def: ty.properties[name] };
    if (ty.navigation[name]) return { declaring: t, nav: true, def: ty.navigation[name] };
  }
  return undefined;
}

function memberNames(md: GraphMetadata, type: string): string[] {
  const names: string[] = [];
  for (let t: string | undefined = type; t && md.types[t]; t = md.types[t].base) names.push(...Object.keys(md.types[t].properties), ...Object.keys(md.types[t].navigation));
  return names;
}

function derivesFrom(md: GraphMetadata, type: string, base: string): boolean {
  for (let t: string | undefined = type; t; t = md.types[t]?.base) if (t === base) return true;
  return false;
}

function isKey(md: GraphMetadata, type: string, name: string): boolean {
  for (let t: string | undefined = type; t && md.types[t]; t = md.types[t].base) if (md.types[t].key?.includes(name)) return true;
  return false;
}

function derivedTypes(md: GraphMetadata, base: string): string[] {
  return Object.keys(md.types).filter((t) => t !== base && derivesFrom(md, t, base) && !md.types[t].abstract);
}

function qualifyType(name: string): string {
  const n = name.replace(/^#/, "");
  return n.includes(".") ? n : `microsoft.graph.${n}`;
}

function findOperation(md: GraphMetadata, cur: { type: string; collection: boolean }, segment: string): { name: string; op: CsdlOperation } | undefined {
  const name = qualifyType(segment);
  const overloads = md.operations[name];
  if (!overloads) return undefined;
  for (let t: string | undefined = cur.type; t; t = md.types[t]?.base) {
    const want = cur.collection ? `Collection(${t})` : t;
    const op = overloads.find((o) => o.binding === want);
    if (op) return { name, op };
  }
  return undefined;
}

function resolveUrl(ctx: Context): Target | undefined {
  const { md, req } = ctx;
  const segments = splitUrl(req.url);
  const fail = (i: number, message: string) => {
    ctx.out.push({ address: req.address, path: `url[${i}]`, rule: "url", message: `${message} (url "${req.url}"; if Graph added it since the fixture was made, regenerate it: ${REGENERATE})` });
    return undefined;
  };
  if (segments.length === 0) return fail(0, "empty URL");
  const first = segments[0];
  let cur: Target;
  if (md.entitySets[first]) cur = { type: md.entitySets[first], collection: true, pathTarget: `${md.container}/${first}` };
  else if (md.singletons[first]) cur = { type: md.singletons[first], collection: false, pathTarget: `${md.container}/${first}` };
  else return fail(0, `"${first}" is neither an entity set nor a singleton of Graph ${md.apiVersion}; nearest: ${quoteList(nearest(first, [...Object.keys(md.entitySets), ...Object.keys(md.singletons)]))}`);
  checkPathFacts(ctx, cur.pathTarget, "url[0]");

  for (let i = 1; i < segments.length; i++) {
    const s = segments[i];
    if (cur.operation) return fail(i, `"${s}" follows the operation ${short(cur.operation.name)}, which ends a URL`);
    if (s === "$ref") {
      if (i !== segments.length - 1) return fail(i, "$ref must be the last segment");
      if (!cur.via || cur.via.contained) return fail(i, `$ref addresses references of a non-contained navigation property; "${segments[i - 1]}" is ${cur.via ? "contained" : "not a navigation property"}`);
      cur = { ...cur, ref: true };
      continue;
    }
    const op = findOperation(md, cur, s);
    if (op) {
      cur = { ...cur, operation: op };
      continue;
    }
    // A cast names a type: microsoft.graph.someDerivedType. On a collection, a dotted segment outside
    // the service's namespace is a key instead (key-as-segment): Graph addresses a domain by its name,
    // `PATCH /domains/contoso.com` (microsoftgraph/microsoft-graph-docs-contrib
    // api-reference/v1.0/api/domain-update.md). A misspelt cast in microsoft.graph.* is still refused.
    const dotted = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/.test(s) && !TERRAFORM_REF.test(s);
    const namespace = md.container.slice(0, md.container.lastIndexOf("."));
    if (dotted && (md.types[s] || s.startsWith(`${namespace}.`) || !cur.collection)) {
      if (!md.types[s]) return fail(i, `cast "${s}" is not a type of the fixture; nearest: ${quoteList(nearest(s, Object.keys(md.types)))}`);
      if (!derivesFrom(md, s, cur.type)) return fail(i, `cast "${short(s)}" does not derive from ${short(cur.type)}`);
      cur = { ...cur, type: s };
      continue;
    }
    if (cur.collection) {
      // a key: {id}, a literal id, or a ${...} Terraform reference
      cur = { type: cur.type, collection: false, pathTarget: cur.pathTarget, via: cur.via };
      continue;
    }
    if (s === "{id}" || TERRAFORM_REF.test(s)) return fail(i, `"${s}" is a key, but ${short(cur.type)} here is a single entity, not a collection`);
    const m = memberOf(md, cur.type, s);
    if (!m) {
      const ops = Object.keys(md.operations).map((n) => n.replace(/^microsoft\.graph\./, ""));
      return fail(i, `"${s}" is not a navigation property, property, cast or bound operation of ${short(cur.type)}; nearest: ${quoteList(nearest(s, [...memberNames(md, cur.type), ...ops]))}`);
    }
    const pathTarget = `${cur.pathTarget}/${s}`;
    checkPathFacts(ctx, pathTarget, `url[${i}]`);
    checkPathFacts(ctx, `${m.declaring}/${s}`, `url[${i}]`);
    cur = {
      type: elementOf(m.def.type),
      collection: isCollection(m.def.type),
      pathTarget,
      via: m.nav ? { declaring: m.declaring, name: s, contained: !!(m.def as CsdlNavigation).contained } : undefined,
    };
  }
  return cur;
}

/** Deprecation and insert/update restrictions Microsoft publishes on a path or navigation property. */
function checkPathFacts(ctx: Context, target: string, at: string): void {
  const f = ctx.md.paths[target];
  if (!f) return;
  const why = deprecationReason(f);
  if (why) ctx.out.push({ address: ctx.req.address, path: at, rule: "deprecated", message: `${target} is deprecated: ${why}` });
  if (ctx.req.operation === "create" && f.insertable === false) ctx.out.push({ address: ctx.req.address, path: at, rule: "url", message: `${target} does not take inserts (Org.OData.Capabilities.V1.InsertRestrictions Insertable=false)` });
  if (ctx.req.operation === "update" && f.updatable === false) ctx.out.push({ address: ctx.req.address, path: at, rule: "url", message: `${target} does not take updates (Org.OData.Capabilities.V1.UpdateRestrictions Updatable=false)` });
}

const EDM: Record<string, (v: unknown) => boolean> = {
  "Edm.String": (v) => typeof v === "string",
  "Edm.Guid": (v) => typeof v === "string" && (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) || TERRAFORM_REF.test(v)),
  "Edm.DateTimeOffset": (v) => typeof v === "string",
  "Edm.Date": (v) => typeof v === "string",
  "Edm.TimeOfDay": (v) => typeof v === "string",
  "Edm.Duration": (v) => typeof v === "string",
  "Edm.Binary": (v) => typeof v === "string",
  "Edm.Stream": (v) => typeof v === "string",
  "Edm.Boolean": (v) => typeof v === "boolean",
  "Edm.Byte": (v) => Number.isInteger(v),
  "Edm.SByte": (v) => Number.isInteger(v),
  "Edm.Int16": (v) => Number.isInteger(v),
  "Edm.Int32": (v) => Number.isInteger(v),
  "Edm.Int64": (v) => Number.isInteger(v) || (typeof v === "string" && /^-?\d+$/.test(v)),
  "Edm.Single": (v) => typeof v === "number",
  "Edm.Double": (v) => typeof v === "number",
  "Edm.Decimal": (v) => typeof v === "number",
};

const jsonKind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

interface Where {
  readonly path: string;
  /** the body's top level (the entity the URL addresses), where keys may not be written */
  readonly top: boolean;
  readonly nullable: boolean;
}

function checkValue(ctx: Context, typeRef: string, value: unknown, w: Where): void {
  const { md, req } = ctx;
  const push = (rule: Rule, message: string, p = w.path): void => {
    ctx.out.push({ address: req.address, path: p, rule, message });
  };
  if (typeof value === "string" && TERRAFORM_REF.test(value) && value.trim().startsWith("${") && value.trim().endsWith("}")) return; // known only at apply
  if (value === null) {
    if (!w.nullable) push("value", `null, but ${short(typeRef)} here is not nullable (Nullable="false")`);
    return;
  }
  if (isCollection(typeRef)) {
    if (!Array.isArray(value)) return push("value", `${jsonKind(value)}, but ${short(typeRef)} is a collection: send an array`);
    value.forEach((v, i) => checkValue(ctx, elementOf(typeRef), v, { path: `${w.path}[${i}]`, top: false, nullable: true }));
    return;
  }
  if (typeRef.startsWith("Edm.")) {
    const ok = EDM[typeRef];
    if (ok && !ok(value)) push("value", `${JSON.stringify(value)} (${jsonKind(value)}) is not a valid ${typeRef}`);
    return;
  }
  const en = md.enums[typeRef];
  if (en) {
    if (typeof value !== "string") return push("enum", `${JSON.stringify(value)} is not a member name of ${short(typeRef)}; allowed: ${quoteList(en.members)}`);
    const parts = en.flags ? value.split(",").map((x) => x.trim()) : [value];
    for (const p of parts)
      if (!en.members.includes(p)) push("enum", `"${p}" is not a member of ${short(typeRef)}${en.flags ? " (a flags enum: comma-separated members)" : ""}; allowed: ${quoteList(en.members)}`);
    return;
  }
  if (!md.types[typeRef]) return push("fixture", `type ${typeRef} is not in the fixture; regenerate it: ${REGENERATE}`);
  if (typeof value !== "object" || Array.isArray(value)) return push("value", `${jsonKind(value)}, but ${short(typeRef)} is a structured type: send an object`);
  checkObject(ctx, typeRef, value as Record<string, unknown>, w);
}

function checkObject(ctx: Context, declared: string, obj: Record<string, unknown>, w: Where): void {
  const { md, req } = ctx;
  const push = (rule: Rule, p: string, message: string) => ctx.out.push({ address: req.address, path: p, rule, message });

  let type = declared;
  const cast = obj["@odata.type"];
  if (cast !== undefined) {
    const at = `${w.path}["@odata.type"]`;
    if (typeof cast !== "string" || !cast.startsWith("#")) push("type", at, `${JSON.stringify(cast)}: @odata.type is "#" and a qualified type name, e.g. "#${declared}"`);
    const named = typeof cast === "string" ? qualifyType(cast) : "";
    if (named && !md.types[named]) {
      const candidates = [declared, ...derivedTypes(md, declared)];
      push("type", at, `"${cast}" is not a type of Graph ${md.apiVersion} known to the fixture; ${short(declared)} here takes: ${quoteList(nearest(named, candidates, 5).map((t) => `#${t}`))} (if it is new, regenerate the fixture: ${REGENERATE})`);
      return; // its properties cannot be judged
    }
    if (named && !derivesFrom(md, named, declared)) {
      push("type", at, `"${cast}" does not derive from ${short(declared)}, the type addressed here; it takes ${quoteList([declared, ...derivedTypes(md, declared)].slice(0, 8).map((t) => `#${t}`))}`);
      return;
    }
    if (named) type = named;
    const why = deprecationReason(md.types[type].facts);
    if (why) push("deprecated", at, `${short(type)} is deprecated: ${why}`);
  } else if (md.types[declared].abstract && !(w.top && ctx.req.operation === "update")) {
    push("type", w.path, `${short(declared)} is abstract: name the concrete type with "@odata.type", one of ${quoteList(derivedTypes(md, declared).slice(0, 8).map((t) => `#${t}`))}`);
  }

  for (const [key, v] of Object.entries(obj)) {
    const p = /^[A-Za-z_][\w]*$/.test(key) ? `${w.path}.${key}` : `${w.path}["${key}"]`;
    if (key.startsWith("@")) {
      if (!key.startsWith("@odata.")) push("property", p, `"${key}": only @odata.* annotations are allowed in a request body`);
      continue;
    }
    const at = key.indexOf("@");
    const name = at >= 0 ? key.slice(0, at) : key;
    const m = memberOf(md, type, name);
    if (!m) {
      if (md.types[type].open || openAncestor(md, type)) continue; // an open type takes dynamic properties
      push("property", p, `"${name}" is not a property of ${short(type)}${type !== declared ? "" : md.types[type].abstract ? " (name a derived type with @odata.type?)" : ""}; nearest: ${quoteList(nearest(name, memberNames(md, type)))}`);
      continue;
    }
    if (at >= 0) {
      const annotation = key.slice(at);
      if (annotation === "@odata.bind" && !m.nav) push("navigation", p, `"${name}@odata.bind": ${name} is a structural property of ${short(m.declaring)}, not a navigation property; send its value`);
      if (annotation !== "@odata.bind" && !annotation.startsWith("@odata.")) push("property", p, `"${key}": only @odata.* annotations are allowed`);
      continue;
    }
    if (!m.def.facts) {
      push("fixture", p, `the fixture has no facts for ${short(m.declaring)}/${name} (it was made before this property was sent): regenerate it: ${REGENERATE}`);
    } else {
      checkFacts(ctx, type, m, name, p, w);
    }
    if (m.nav) {
      const nav = m.def as CsdlNavigation;
      // Inline entities are a deep insert when creating (OData 4.0 §11.4.2.2, contained or not).
      // An update may not carry related entities inline (§11.4.3); Graph takes its contained ones
      // (they are part of the entity, e.g. includeTargets), so only a navigation to entities that
      // live elsewhere (no ContainsTarget) is refused.
      if (!nav.contained && req.operation === "update") {
        push("navigation", p, `${name} is a navigation property to entities that live elsewhere (no ContainsTarget): an update cannot write them inline; reference them with "${name}@odata.bind", or write them at their own URL`);
      }
      checkValue(ctx, nav.type, v, { path: p, top: false, nullable: true });
      continue;
    }
    const prop = m.def as CsdlProperty;
    checkValue(ctx, prop.type, v, { path: p, top: false, nullable: prop.nullable !== false });
  }
}

function openAncestor(md: GraphMetadata, type: string): boolean {
  for (let t: string | undefined = type; t && md.types[t]; t = md.types[t].base) if (md.types[t].open) return true;
  return false;
}

function checkFacts(ctx: Context, type: string, m: Member, name: string, p: string, w: Where): void {
  const { md, req } = ctx;
  const f = m.def.facts!;
  const push = (rule: Rule, message: string) => ctx.out.push({ address: req.address, path: p, rule, message });
  const where = `${short(m.declaring)}/${name}`;
  const dep = deprecationReason(f);
  if (dep) push("deprecated", `${where} is deprecated: ${dep}`);
  // a key inside a nested entity names which one (includeTargets[].id); at the top it is the server's
  const key = isKey(md, type, name) && !w.top;
  const ro = key ? undefined : readOnlyReason(f);
  if (ro) push("read-only", `${where} is read-only: ${ro}`);
  const im = req.operation === "update" ? immutableReason(f) : undefined;
  if (im) push("immutable", `${where} cannot be changed after creation, and this request updates it: ${im}`);
  if (!f.description && md.types[m.declaring].descriptionsLeftOut) {
    push("fixture", `the fixture's excerpt left out the description of ${where}, so it cannot tell whether it is read-only or deprecated: regenerate from the full metadata: ${REGENERATE}`);
  }
}

/** Every contract violation of one request. */
export function checkRequest(md: GraphMetadata, req: GraphRequest): Violation[] {
  const ctx: Context = { md, req, out: [] };
  if (req.apiVersion !== md.apiVersion) throw new Error(`checkRequest: ${req.address} is ${req.apiVersion}, metadata is ${md.apiVersion}`);
  const target = resolveUrl(ctx);
  if (!target) return ctx.out;
  const push = (path: string, rule: Rule, message: string) => ctx.out.push({ address: req.address, path, rule, message });
  const body = req.body;

  if (target.operation) {
    const { name, op } = target.operation;
    if (req.operation !== "action" && req.operation !== "read") push("url", "url", `${short(name)} is a bound ${op.kind}; call it with msgraph_resource_action, not as a ${req.operation}`);
    if (op.kind === "action" && req.method !== "POST") push("url", "url", `the action ${short(name)} is called with POST, not ${req.method}`);
    if (op.kind === "function" && req.method !== "GET") push("url", "url", `the function ${short(name)} is called with GET, not ${req.method}`);
    const params = op.parameters;
    const b = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(b)) {
      const p = /^[A-Za-z_][\w]*$/.test(k) ? `body.${k}` : `body["${k}"]`;
      if (!params[k]) {
        push(p, "property", `"${k}" is not a parameter of ${short(name)}; its parameters: ${quoteList(Object.keys(params))}`);
        continue;
      }
      checkValue(ctx, params[k].type, v, { path: p, top: false, nullable: params[k].nullable !== false });
    }
    for (const [k, def] of Object.entries(params)) if (def.nullable === false && !(k in b)) push("body", "property", `the parameter "${k}" of ${short(name)} is required (Nullable="false") and missing`);
    return ctx.out;
  }

  switch (req.operation) {
    case "read":
      return ctx.out;
    case "references":
      if (!target.ref) push("url", "url", "a reference collection URL ends in /$ref");
      return ctx.out;
    case "create":
      if (req.method === "POST" && !target.collection) push("url", "url", `POST creates in a collection, but the URL addresses a single ${short(target.type)}`);
      if (req.method === "PUT" && target.collection) push("url", "url", `PUT creates at an item URL, but the URL addresses a collection of ${short(target.type)}`);
      break;
    case "update":
      if (target.collection) push("url", "url", `${req.method} updates one item, but the URL addresses a collection of ${short(target.type)}`);
      break;
    default:
      break;
  }
  if (target.ref) {
    push("url", "url", `${req.operation} on a $ref URL: use msgraph_resource_collection for references`);
    return ctx.out;
  }
  if (body !== undefined) checkValue(ctx, target.type, body, { path: "body", top: true, nullable: false });
  return ctx.out;
}
