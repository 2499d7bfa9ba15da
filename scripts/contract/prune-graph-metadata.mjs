#!/usr/bin/env node
// Regenerates the pruned Microsoft Graph metadata fixtures in test/contract/graph/ from
// Microsoft's published CSDL (github.com/microsoftgraph/msgraph-metadata). It keeps only what the
// synthesized Graph requests touch: the entity sets, singletons and navigation paths of their URLs,
// the bound operations they call, every entity/complex type a body enters (with its base types and
// the full list of its property names, so that a misspelt name can be named), the enum types of
// the values sent, and the facts Microsoft publishes about the properties sent (computed,
// permissions, immutable, revisions/deprecation, description). Output is sorted: the same inputs
// give byte-identical files.
//
// usage (from the repository root):
//   node scripts/contract/prune-graph-metadata.mjs --checkout <msgraph-metadata clone>
//   node scripts/contract/prune-graph-metadata.mjs --git-dir <clone>/.git --rev <commit>
//   options: --file <v1.0|beta>=<csdl.xml>  read that version from a local file instead
//            --source <v1.0|beta>=<repo path>@<commit>[#<blob>]  what to record as its origin
//            --path <v1.0|beta>=<repo path>  read another file of the checkout (default: the
//                   cleanMetadataWithDescriptionsAndAnnotations file of that version)
//            --facts <v1.0|beta>=<csdl.xml>@<repo path>@<commit>  also read the annotations
//                   (descriptions, ...) of another CSDL file of the same version and add them to
//                   the facts of the main one: for when the main file publishes the structure but
//                   not the descriptions (clean_v10_metadata/cleanMetadata.xml); the structure
//                   of that file is ignored; may be given more than once
//            --versions v1.0,beta  regenerate only these
//            --requests <requests.json>  instead of synthesizing (scripts/contract/graph-requests.ts)
//            --seed <seed.json>  extra types, URLs and facts to keep, per version (default
//                   test/contract/graph/seed.json): { "<version>": { "types": [], "urls": [],
//                   "facts": ["ns.type/property"], "descriptionsLeftOut": ["ns.type"] } };
//                   descriptionsLeftOut marks types of a hand-made excerpt that dropped the
//                   descriptions of properties not sent (the checker then refuses to trust
//                   a missing description)
//            --out <dir>  (default test/contract/graph)
//            --check  compare with the committed files instead of writing (exit 1 on a difference)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const REPOSITORY = "microsoftgraph/msgraph-metadata";
const DEFAULT_PATHS = {
  "v1.0": "clean_v10_metadata/cleanMetadataWithDescriptionsAndAnnotationsv1.0.xml",
  beta: "clean_beta_metadata/cleanMetadataWithDescriptionsAndAnnotationsbeta.xml",
};
const VERSIONS = ["v1.0", "beta"];

// ---------------------------------------------------------------------------------------------
// command line

function parseArgs(argv) {
  const o = { files: {}, sources: {}, paths: {}, facts: {}, versions: VERSIONS, out: join(ROOT, "test/contract/graph"), seed: join(ROOT, "test/contract/graph/seed.json") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    const pair = (v) => {
      const eq = v.indexOf("=");
      const version = v.slice(0, eq);
      if (eq < 0 || !VERSIONS.includes(version)) fail(`${a} takes <v1.0|beta>=<value>, got "${v}"`);
      return [version, v.slice(eq + 1)];
    };
    if (a === "--checkout") o.checkout = next();
    else if (a === "--git-dir") o.gitDir = next();
    else if (a === "--rev") o.rev = next();
    else if (a === "--file") {
      const [v, f] = pair(next());
      o.files[v] = f;
    } else if (a === "--source") {
      const [v, s] = pair(next());
      o.sources[v] = s;
    } else if (a === "--path") {
      const [v, p] = pair(next());
      o.paths[v] = p;
    } else if (a === "--facts") {
      const [v, spec] = pair(next());
      const m = /^(.+?)@([^@]+)@([0-9a-f]{7,40})$/.exec(spec);
      if (!m) fail(`--facts takes <version>=<csdl.xml>@<repo path>@<commit>, got "${spec}"`);
      (o.facts[v] ??= []).push({ file: m[1], path: m[2], commit: m[3] });
    } else if (a === "--versions") {
      o.versions = next().split(",");
      for (const v of o.versions) if (!VERSIONS.includes(v)) fail(`--versions takes ${VERSIONS.join(",")}, got "${v}"`);
    } else if (a === "--requests") o.requests = next();
    else if (a === "--seed") o.seed = next();
    else if (a === "--out") o.out = next();
    else if (a === "--check") o.check = true;
    else if (a === "--help" || a === "-h") {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n") + "\n");
      process.exit(0);
    } else fail(`unknown argument "${a}" (see --help)`);
  }
  return o;
}

function fail(message) {
  process.stderr.write(`prune-graph-metadata: ${message}\n`);
  process.exit(2);
}

function git(gitDir, ...args) {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
}

/** The CSDL text of one API version and where it came from. */
function readCsdl(o, version) {
  const path = o.paths[version] ?? DEFAULT_PATHS[version];
  if (o.files[version]) {
    const text = readFileSync(o.files[version], "utf8");
    const declared = o.sources[version];
    if (!declared) fail(`--file ${version}=... needs --source ${version}=<repo path>@<commit>`);
    const m = /^([^@]+)@([0-9a-f]{7,40})(?:#([0-9a-f]{40}))?$/.exec(declared);
    if (!m) fail(`--source ${version} must be <repo path>@<commit>[#<blob>], got "${declared}"`);
    const file = resolve(o.files[version]);
    const excerpt = file.startsWith(ROOT + "/") ? { readFrom: file.slice(ROOT.length + 1) } : {};
    return { text, source: { repository: REPOSITORY, path: m[1], commit: m[2], ...(m[3] ? { blob: m[3] } : {}), ...excerpt } };
  }
  const gitDir = o.gitDir ?? (o.checkout ? (existsSync(join(o.checkout, ".git")) ? join(o.checkout, ".git") : o.checkout) : undefined);
  if (!gitDir) fail("give --checkout, --git-dir (with --rev), or --file for every version");
  const rev = o.rev ?? "HEAD";
  const commit = git(gitDir, "rev-parse", `${rev}^{commit}`).trim();
  const blob = git(gitDir, "rev-parse", `${commit}:${path}`).trim();
  const text = git(gitDir, "cat-file", "blob", blob);
  return { text, source: { repository: REPOSITORY, path, commit, blob } };
}

// ---------------------------------------------------------------------------------------------
// a small XML reader: CSDL is regular (no DTD, no mixed content beyond a few text nodes)

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function unescape(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });
}

function parseXml(text) {
  const root = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g;
  const attr = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
  let last = 0;
  let m;
  while ((m = tag.exec(text))) {
    const between = text.slice(last, m.index);
    if (between.trim()) stack[stack.length - 1].text += unescape(between.trim());
    last = tag.lastIndex;
    if (!m[2]) continue; // declaration or comment
    if (m[1]) {
      const open = stack.pop();
      if (open.name !== m[2].replace(/^edmx:/, "")) throw new Error(`XML: </${m[2]}> closes <${open.name}> at offset ${m.index}`);
      continue;
    }
    const attrs = {};
    let a;
    attr.lastIndex = 0;
    while ((a = attr.exec(m[3]))) attrs[a[1]] = unescape(a[2]);
    const el = { name: m[2].replace(/^edmx:/, ""), attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    if (!m[4]) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is not closed`);
  return root;
}

const kids = (el, name) => el.children.filter((c) => c.name === name);
function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

// ---------------------------------------------------------------------------------------------
// CSDL → a model with fully qualified names

function qualify(name, aliases) {
  if (!name) return name;
  const coll = /^Collection\((.*)\)$/.exec(name);
  if (coll) return `Collection(${qualify(coll[1], aliases)})`;
  const dot = name.lastIndexOf(".");
  const ns = name.slice(0, dot);
  return aliases[ns] ? `${aliases[ns]}.${name.slice(dot + 1)}` : name;
}

/** One annotation element → the facts we keep, or undefined for terms we do not use. */
function annotationFact(el) {
  const term = el.attrs.Term;
  const bool = (e) => (e.attrs.Bool === undefined ? true : e.attrs.Bool === "true");
  const record = (e) => {
    const r = {};
    for (const pv of kids(e, "PropertyValue")) {
      const p = pv.attrs.Property;
      if ("Bool" in pv.attrs) r[p] = pv.attrs.Bool === "true";
      else if ("String" in pv.attrs) r[p] = pv.attrs.String;
      else if ("Date" in pv.attrs) r[p] = pv.attrs.Date;
      else if ("EnumMember" in pv.attrs) r[p] = pv.attrs.EnumMember;
      else {
        const em = kids(pv, "EnumMember")[0];
        if (em) r[p] = em.text;
      }
    }
    return r;
  };
  switch (term) {
    case "Org.OData.Core.V1.Computed":
      return bool(el) ? ["computed", true] : undefined;
    case "Org.OData.Core.V1.Immutable":
      return bool(el) ? ["immutable", true] : undefined;
    case "Org.OData.Core.V1.Permissions": {
      const v = el.attrs.EnumMember ?? kids(el, "EnumMember")[0]?.text ?? "";
      return ["permissions", v.split(/\s+/).map((p) => p.replace(/^.*\//, "")).filter(Boolean).join(" ")];
    }
    case "Org.OData.Core.V1.Description":
      return ["description", el.attrs.String ?? kids(el, "String")[0]?.text ?? ""];
    case "Org.OData.Core.V1.LongDescription":
      return ["longDescription", el.attrs.String ?? kids(el, "String")[0]?.text ?? ""];
    case "Org.OData.Core.V1.Revisions": {
      const revisions = [];
      for (const coll of kids(el, "Collection"))
        for (const rec of kids(coll, "Record")) {
          const r = record(rec);
          const out = { kind: String(r.Kind ?? "").replace(/^.*\//, "") };
          for (const [k, to] of [["Date", "date"], ["RemovalDate", "removalDate"], ["Version", "version"], ["Description", "description"]]) if (r[k] !== undefined) out[to] = r[k];
          revisions.push(out);
        }
      return ["revisions", revisions];
    }
    case "Org.OData.Capabilities.V1.InsertRestrictions":
    case "Org.OData.Capabilities.V1.UpdateRestrictions":
    case "Org.OData.Capabilities.V1.DeleteRestrictions": {
      const rec = kids(el, "Record")[0];
      const r = rec ? record(rec) : {};
      const key = { InsertRestrictions: "insertable", UpdateRestrictions: "updatable", DeleteRestrictions: "deletable" }[term.replace(/^.*\./, "")];
      const flag = { insertable: "Insertable", updatable: "Updatable", deletable: "Deletable" }[key];
      return r[flag] === undefined ? undefined : [key, r[flag]];
    }
    default:
      return undefined;
  }
}

function addFacts(facts, target, el) {
  for (const a of kids(el, "Annotation")) {
    const f = annotationFact(a);
    if (!f) continue;
    const entry = (facts[target] ??= {});
    // A description may be published twice (inline and in an <Annotations> block): keep both
    // texts when they differ, so that a "read-only" or "deprecated" in either one is seen.
    if ((f[0] === "description" || f[0] === "longDescription") && entry[f[0]] !== undefined && entry[f[0]] !== f[1]) entry[f[0]] = `${entry[f[0]]}\n${f[1]}`;
    else entry[f[0]] = f[1];
  }
}

function buildModel(text) {
  const doc = parseXml(text);
  const schemas = [...walk(doc)].filter((e) => e.name === "Schema");
  const aliases = {};
  for (const s of schemas) if (s.attrs.Alias) aliases[s.attrs.Alias] = s.attrs.Namespace;
  const model = { container: undefined, entitySets: {}, singletons: {}, types: {}, enums: {}, operations: {}, facts: {} };
  const q = (n) => qualify(n, aliases);
  for (const s of schemas) {
    const ns = s.attrs.Namespace;
    for (const el of s.children) {
      const name = `${ns}.${el.attrs.Name}`;
      if (el.name === "EnumType") {
        model.enums[name] = { ...(el.attrs.IsFlags === "true" ? { flags: true } : {}), members: kids(el, "Member").map((m) => m.attrs.Name) };
        addFacts(model.facts, name, el);
        for (const m of kids(el, "Member")) addFacts(model.facts, `${name}/${m.attrs.Name}`, m);
      } else if (el.name === "EntityType" || el.name === "ComplexType") {
        const t = { kind: el.name === "EntityType" ? "entity" : "complex", properties: {}, navigation: {} };
        if (el.attrs.BaseType) t.base = q(el.attrs.BaseType);
        if (el.attrs.Abstract === "true") t.abstract = true;
        if (el.attrs.OpenType === "true") t.open = true;
        const key = kids(el, "Key")[0];
        if (key) t.key = kids(key, "PropertyRef").map((r) => r.attrs.Name);
        for (const p of kids(el, "Property")) {
          t.properties[p.attrs.Name] = { type: q(p.attrs.Type), ...(p.attrs.Nullable === "false" ? { nullable: false } : {}) };
          addFacts(model.facts, `${name}/${p.attrs.Name}`, p);
        }
        for (const p of kids(el, "NavigationProperty")) {
          t.navigation[p.attrs.Name] = { type: q(p.attrs.Type), ...(p.attrs.ContainsTarget === "true" ? { contained: true } : {}) };
          addFacts(model.facts, `${name}/${p.attrs.Name}`, p);
        }
        model.types[name] = t;
        addFacts(model.facts, name, el);
      } else if (el.name === "Action" || el.name === "Function") {
        const params = kids(el, "Parameter");
        const bound = el.attrs.IsBound === "true";
        const op = { kind: el.name === "Action" ? "action" : "function", parameters: {} };
        if (bound) op.binding = q(params[0].attrs.Type);
        for (const p of bound ? params.slice(1) : params) op.parameters[p.attrs.Name] = { type: q(p.attrs.Type), ...(p.attrs.Nullable === "false" ? { nullable: false } : {}) };
        const rt = kids(el, "ReturnType")[0];
        if (rt) op.returns = q(rt.attrs.Type);
        (model.operations[name] ??= []).push(op);
      } else if (el.name === "EntityContainer") {
        model.container = `${ns}.${el.attrs.Name}`;
        for (const c of el.children) {
          if (c.name === "EntitySet") model.entitySets[c.attrs.Name] = q(c.attrs.EntityType);
          else if (c.name === "Singleton") model.singletons[c.attrs.Name] = q(c.attrs.Type);
          else continue;
          addFacts(model.facts, `${model.container}/${c.attrs.Name}`, c);
        }
      } else if (el.name === "Annotations") {
        const target = q(el.attrs.Target);
        addFacts(model.facts, target, el);
      }
    }
  }
  return model;
}

// ---------------------------------------------------------------------------------------------
// what the requests touch

const isCollection = (t) => /^Collection\(/.test(t);
const elementOf = (t) => t.replace(/^Collection\((.*)\)$/, "$1");

function createKeeper(model) {
  const keep = { types: new Set(), enums: new Set(), facts: new Set(), entitySets: new Set(), singletons: new Set(), operations: new Map(), missing: new Set() };

  const keepType = (name) => {
    if (keep.types.has(name) || name.startsWith("Edm.")) return;
    if (!model.types[name]) {
      if (model.enums[name]) keep.enums.add(name);
      else keep.missing.add(name);
      return;
    }
    keep.types.add(name);
    if (model.facts[name]) keep.facts.add(name);
    if (model.types[name].base) keepType(model.types[name].base);
  };
  /** The declaring type and entry of a property or navigation property, through base types. */
  const member = (typeName, prop) => {
    for (let t = typeName; t && model.types[t]; t = model.types[t].base) {
      const ty = model.types[t];
      if (ty.properties[prop]) return { declaring: t, nav: false, ...ty.properties[prop] };
      if (ty.navigation[prop]) return { declaring: t, nav: true, ...ty.navigation[prop] };
    }
    return undefined;
  };
  const cover = (declaring, prop) => keep.facts.add(`${declaring}/${prop}`);
  const derivesFrom = (t, base) => {
    for (let x = t; x; x = model.types[x]?.base) if (x === base) return true;
    return false;
  };

  const walkValue = (typeRef, value) => {
    if (value === null || value === undefined) return;
    if (isCollection(typeRef)) {
      if (Array.isArray(value)) for (const v of value) walkValue(elementOf(typeRef), v);
      return;
    }
    keepType(typeRef);
    if (!model.types[typeRef] || typeof value !== "object" || Array.isArray(value)) return;
    let type = typeRef;
    const cast = value["@odata.type"];
    if (typeof cast === "string") {
      const named = cast.replace(/^#/, "");
      keepType(named);
      if (model.types[named]) type = named;
    }
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith("@")) continue;
      const prop = key.includes("@") ? key.slice(0, key.indexOf("@")) : key;
      const m = member(type, prop);
      if (!m) continue;
      cover(m.declaring, prop);
      if (!key.includes("@")) walkValue(m.type, v);
    }
  };

  /** Resolves a URL as far as it goes; returns where it ended. */
  const walkUrl = (url) => {
    const segments = splitUrl(url);
    let cur; // { type, collection }
    let path = ""; // the annotation target of the path so far: Container/set/navigation/... (no keys, no casts)
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (i === 0) {
        if (model.entitySets[s]) {
          keep.entitySets.add(s);
          keep.facts.add(`${model.container}/${s}`);
          cur = { type: model.entitySets[s], collection: true };
        } else if (model.singletons[s]) {
          keep.singletons.add(s);
          keep.facts.add(`${model.container}/${s}`);
          cur = { type: model.singletons[s], collection: false };
        } else return undefined;
        path = `${model.container}/${s}`;
        keepType(cur.type);
        continue;
      }
      if (s === "$ref" || s === "$count" || s === "$value") return cur;
      const op = findOperation(cur, s);
      if (op) {
        keep.operations.set(`${op.name}|${op.binding}|${op.kind}`, op);
        return { operation: op };
      }
      if (model.types[s] && derivesFrom(s, cur.type)) {
        keepType(s);
        cur = { ...cur, type: s };
        continue;
      }
      if (cur.collection) {
        cur = { type: cur.type, collection: false }; // a key: {id}, a literal id or a ${...} reference
        continue;
      }
      const m = member(cur.type, s);
      if (!m) return undefined;
      cover(m.declaring, s);
      path = `${path}/${s}`;
      keep.facts.add(path);
      keepType(elementOf(m.type));
      cur = { type: elementOf(m.type), collection: isCollection(m.type) };
    }
    return cur;
  };

  const findOperation = (cur, segment) => {
    const name = segment.includes(".") ? segment : `microsoft.graph.${segment}`;
    const overloads = model.operations[name];
    if (!overloads) return undefined;
    // the overload bound to the closest type in the chain (collection-bound when on a collection)
    for (let t = cur.type; t; t = model.types[t]?.base) {
      const want = cur.collection ? `Collection(${t})` : t;
      const op = overloads.find((o) => o.binding === want);
      if (op) return { name, ...op };
    }
    return undefined;
  };

  const walkRequest = (req) => {
    const end = walkUrl(req.url);
    if (!end) {
      keep.missing.add(`the URL ${req.url} (${req.address ?? "seed"})`);
      return;
    }
    if (end.operation) {
      const body = req.body && typeof req.body === "object" ? req.body : {};
      for (const [p, v] of Object.entries(body)) if (end.operation.parameters[p]) walkValue(end.operation.parameters[p].type, v);
      return;
    }
    if (req.body !== undefined && (req.operation === "create" || req.operation === "update")) walkValue(end.type, req.body);
  };

  return { keep, keepType, cover, walkRequest, walkValue, member };
}

/** Splits a URL path on "/" outside `${...}` Terraform expressions. */
export function splitUrl(url) {
  const out = [];
  let cur = "";
  let depth = 0;
  const path = url.replace(/^\/+/, "").replace(/[?#].*$/, "");
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "$" && path[i + 1] === "{") {
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

// ---------------------------------------------------------------------------------------------
// output

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys(v[k]);
    return o;
  }
  return v;
}

function prune(model, version, requests, seed) {
  const k = createKeeper(model);
  for (const r of requests.filter((r) => r.apiVersion === version)) k.walkRequest(r);
  const s = seed?.[version] ?? {};
  for (const t of s.types ?? []) k.keepType(t);
  for (const url of s.urls ?? []) k.walkRequest({ url, operation: "read" });
  for (const target of s.facts ?? []) {
    const [t, p] = target.split("/");
    k.keepType(t);
    const m = p ? k.member(t, p) : undefined;
    k.keep.facts.add(m ? `${m.declaring}/${p}` : target);
  }
  const { keep } = k;
  // types of a hand-made excerpt whose unsent properties lost their descriptions (see SOURCE.md)
  const leftOut = new Set(s.descriptionsLeftOut ?? []);

  const types = {};
  for (const name of keep.types) {
    const t = model.types[name];
    const props = {};
    for (const [p, def] of Object.entries(t.properties)) props[p] = keep.facts.has(`${name}/${p}`) ? { ...def, facts: model.facts[`${name}/${p}`] ?? {} } : def;
    const nav = {};
    for (const [p, def] of Object.entries(t.navigation)) nav[p] = keep.facts.has(`${name}/${p}`) ? { ...def, facts: model.facts[`${name}/${p}`] ?? {} } : def;
    types[name] = {
      ...t,
      properties: props,
      navigation: nav,
      ...(model.facts[name] ? { facts: model.facts[name] } : {}),
      ...(leftOut.has(name) ? { descriptionsLeftOut: true } : {}),
    };
  }
  const enums = {};
  for (const name of keep.enums) enums[name] = model.enums[name];
  const operations = {};
  for (const op of keep.operations.values()) {
    const { name, ...rest } = op;
    (operations[name] ??= []).push(rest);
  }
  for (const list of Object.values(operations)) list.sort((a, b) => (a.binding < b.binding ? -1 : a.binding > b.binding ? 1 : 0));
  const paths = {};
  for (const target of keep.facts) {
    const [owner] = target.split("/");
    if (owner === model.container) {
      if (model.facts[target]) paths[target] = model.facts[target];
    }
    else if (model.types[owner] && keep.types.has(owner)) {
      const p = target.slice(owner.length + 1);
      if (p && model.types[owner].navigation[p] && model.facts[target]) paths[target] = model.facts[target];
    }
  }
  const pick = (all, set) => Object.fromEntries([...set].map((n) => [n, all[n]]));
  return {
    fixture: sortKeys({
      apiVersion: version,
      container: model.container,
      entitySets: pick(model.entitySets, keep.entitySets),
      singletons: pick(model.singletons, keep.singletons),
      types,
      enums,
      operations,
      paths,
    }),
    missing: [...keep.missing].sort(),
  };
}

// ---------------------------------------------------------------------------------------------

function main() {
  const o = parseArgs(process.argv.slice(2));
  const requests = o.requests
    ? JSON.parse(readFileSync(o.requests, "utf8"))
    : JSON.parse(execFileSync(process.execPath, ["-r", "./bin/register.js", "scripts/contract/graph-requests.ts"], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 }));
  const seed = existsSync(o.seed) ? JSON.parse(readFileSync(o.seed, "utf8")) : {};
  let differs = false;
  for (const version of o.versions) {
    const { text, source } = readCsdl(o, version);
    const model = buildModel(text);
    const factSources = [];
    for (const extra of o.facts[version] ?? []) {
      // only the annotations count: merge them into the main model's facts (a description of
      // the same target published in both is kept twice, see addFacts)
      const other = buildModel(readFileSync(extra.file, "utf8"));
      for (const [target, facts] of Object.entries(other.facts)) {
        const entry = (model.facts[target] ??= {});
        for (const [k, v] of Object.entries(facts)) {
          if ((k === "description" || k === "longDescription") && entry[k] !== undefined && entry[k] !== v) entry[k] = `${entry[k]}\n${v}`;
          else entry[k] = v;
        }
      }
      const file = resolve(extra.file);
      factSources.push({ repository: REPOSITORY, path: extra.path, commit: extra.commit, ...(file.startsWith(ROOT + "/") ? { readFrom: file.slice(ROOT.length + 1) } : {}) });
    }
    const { fixture, missing } = prune(model, version, requests, seed);
    if (missing.length) process.stderr.write(`prune-graph-metadata: ${version}: not in the metadata (misspelt, or missing from an excerpt): ${missing.join(", ")}\n`);
    const json = JSON.stringify({ source, ...(factSources.length ? { factSources } : {}), ...fixture }, null, 1) + "\n";
    const file = join(o.out, `${version}.json`);
    if (o.check) {
      const same = existsSync(file) && readFileSync(file, "utf8") === json;
      if (!same) differs = true;
      process.stdout.write(`${file}: ${same ? "up to date" : "differs"}\n`);
    } else {
      writeFileSync(file, json);
      process.stdout.write(`${file}: ${Object.keys(fixture.types).length} types, ${Object.keys(fixture.enums).length} enums, ${json.length} bytes\n`);
    }
  }
  if (differs) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
