/**
 * Reads and validates tenant files. Every problem in every file is collected before anything is
 * synthesized, and each is reported as `tenants/<file>.yaml:<line>:<col> <field.path>: <message>`.
 */
import * as fs from "fs";
import * as path from "path";
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Document, visit } from "yaml";
import { z } from "zod";
import { keyVaultName, storageAccountName } from "../constructs/naming";
import { readTextFile } from "../constructs/text-file";
import { Tenant, TenantSchema } from "./schema";

export interface TenantProblem {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  readonly field: string;
  readonly message: string;
}

/** Thrown when any tenant file is invalid; carries every problem found. */
export class TenantFileError extends Error {
  constructor(readonly problems: readonly TenantProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "TenantFileError";
  }
}

/** A tenant name (a CLI flag) with no tenant file; a usage error, exit 2. */
export class UnknownTenantError extends Error {
  constructor(
    readonly tenant: string,
    readonly known: readonly string[],
  ) {
    super(`unknown tenant "${tenant}" (no tenants/${tenant}.yaml); allowed: ${known.join(", ") || "(no tenant files)"}`);
    this.name = "UnknownTenantError";
  }
}

export function formatProblem(p: TenantProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.col}` : p.file;
  return p.field ? `${where} ${p.field}: ${p.message}` : `${where} ${p.message}`;
}

/** The tenant files: `tenants/`, or the folder in WERKPLEK_TENANTS_DIR (tests, benchmarks). */
export const TENANTS_DIR = process.env.WERKPLEK_TENANTS_DIR || path.join(__dirname);

/** No tenant field takes more characters (the longest, a membership rule, takes 3,072). */
export const MAX_FIELD_CHARS = 4096;

/**
 * Lists the tenant files in a folder, sorted: every `*.yaml`, and also `*.yml` and other casings,
 * which `fileProblems` refuses by name (CI lists `tenants/*.yaml` only).
 */
export function listTenantFiles(dir: string = TENANTS_DIR): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is a file, not a folder" : `cannot be read (${code})`;
    throw new TenantFileError([{ file: displayPath(dir), field: "", message: `the tenants folder ${why} (WERKPLEK_TENANTS_DIR or tenants/)` }]);
  }
  return names
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The tenant name a file stands for: its name without the extension. */
function tenantNameOf(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/i, "");
}

/**
 * Problems with the files themselves, before their content: an extension other than `.yaml`
 * (`zaventem.yml` beside `zaventem.yaml` would be two tenants named zaventem; a lone `.yml` would
 * be synthesized but never deployed, as CI lists `tenants/*.yaml`).
 */
function fileProblems(files: readonly string[]): Map<string, TenantProblem> {
  const problems = new Map<string, TenantProblem>();
  for (const file of files) {
    const base = path.basename(file);
    const canonical = `${tenantNameOf(file)}.yaml`;
    if (base === canonical) continue;
    const twin = files.find((f) => path.basename(f) === canonical);
    const message = twin
      ? `tenant "${tenantNameOf(file)}" also has ${canonical}: keep one file per tenant (merge this one into ${canonical} and delete it)`
      : `tenant files end in .yaml (the CI workflows list tenants/*.yaml): rename it to ${canonical}`;
    problems.set(file, { file: displayPath(file), field: "", message });
  }
  return problems;
}

/** Loads and validates every tenant file in a folder; throws TenantFileError with all problems. */
export function loadTenants(dir: string = TENANTS_DIR): Tenant[] {
  const files = listTenantFiles(dir);
  const problems: TenantProblem[] = [];
  const tenants: Tenant[] = [];
  if (files.length === 0) {
    problems.push({ file: displayPath(dir), field: "", message: "no tenant files (*.yaml) found" });
  }
  const byFile = fileProblems(files);
  const located: { tenant: Tenant; locate: Locator }[] = [];
  for (const file of files) {
    const refused = byFile.get(file);
    if (refused) {
      problems.push(refused);
      continue;
    }
    const result = parseTenantFile(file);
    if ("tenant" in result) {
      tenants.push(result.tenant);
      located.push({ tenant: result.tenant, locate: result.locate });
    } else problems.push(...result.problems);
  }
  problems.push(...sharedValues(located));
  if (problems.length > 0) throw new TenantFileError(problems);
  return tenants;
}

type Locator = (fieldPath: PropertyKey[], message: string) => TenantProblem;

/**
 * Values that identify one municipality must not repeat in another file: a copied example that
 * was only half edited would otherwise deploy into, or name things after, the other tenant.
 */
const UNIQUE_FIELDS: { path: string[]; what: string; derived?: { value: (t: Tenant) => string | undefined; fix: string } }[] = [
  { path: ["tenantId"], what: "tenant id" },
  { path: ["subscriptionId"], what: "subscription" },
  { path: ["primaryDomain"], what: "domain" },
  { path: ["breakGlass", "groupObjectId"], what: "emergency-access group" },
  { path: ["remoteAccess", "hostname"], what: "Awingu host name" },
  { path: ["devices", "displayNamePrefix"], what: "Intune name prefix" },
  // Names that are global in Azure and, when not written, are made from the tenant name cut to 24
  // characters: two long tenant names can give the same one.
  {
    path: ["remoteAccess", "keyVault", "name"],
    what: "Key Vault name",
    derived: {
      value: (t) => (t.remoteAccess ? (t.remoteAccess.keyVault.name ?? keyVaultName(t.name, "awingu")) : undefined),
      fix: "Key Vault names are unique across Azure: set remoteAccess.keyVault.name in one of the files",
    },
  },
  {
    path: ["state", "storageAccountName"],
    what: "state storage account name",
    derived: {
      value: (t) => t.state?.storageAccountName ?? storageAccountName(t.name, "tfstate"),
      fix: "storage account names are unique across Azure: set state.storageAccountName (and state.resourceGroupName) in one of the files",
    },
  },
];

function sharedValues(located: { tenant: Tenant; locate: Locator }[]): TenantProblem[] {
  const problems: TenantProblem[] = [];
  for (const field of UNIQUE_FIELDS) {
    const seen = new Map<string, string>();
    for (const { tenant, locate } of located) {
      const value = field.derived
        ? field.derived.value(tenant)
        : field.path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tenant);
      if (typeof value !== "string") continue;
      const first = seen.get(value.toLowerCase());
      if (!first) seen.set(value.toLowerCase(), tenant.name);
      else if (field.derived) problems.push(locate(field.path, `the ${field.what} "${value}" is also tenants/${first}.yaml's; ${field.derived.fix}`));
      else problems.push(locate(field.path, `the ${field.what} "${value}" is also in tenants/${first}.yaml; each municipality needs its own`));
    }
  }
  return problems;
}

/** Loads one tenant by name from a folder; unknown names list the ones that exist. */
export function loadTenant(name: string, dir: string = TENANTS_DIR): Tenant {
  const files = listTenantFiles(dir);
  const mine = files.filter((f) => tenantNameOf(f) === name);
  if (mine.length === 0) {
    throw new UnknownTenantError(name, [...new Set(files.map(tenantNameOf))]);
  }
  const refused = fileProblems(files);
  const refusedMine = mine.map((f) => refused.get(f)).filter((p): p is TenantProblem => p !== undefined);
  if (refusedMine.length > 0) throw new TenantFileError(refusedMine);
  const file = mine[0];
  const result = parseTenantFile(file);
  if ("problems" in result) throw new TenantFileError(result.problems);
  // the values that must differ between municipalities are checked against the other valid files
  const others = files
    .filter((f) => f !== file && !refused.has(f))
    .map(parseTenantFile)
    .filter((r): r is { tenant: Tenant; locate: Locator } => "tenant" in r);
  const shared = sharedValues([...others, result]).filter((p) => p.file === displayPath(file));
  if (shared.length > 0) throw new TenantFileError(shared);
  return result.tenant;
}

export function parseTenantFile(file: string): { tenant: Tenant; locate: Locator } | { problems: TenantProblem[] } {
  const shown = displayPath(file);
  const read = readTextFile(file);
  if ("problem" in read) {
    const { line, col, message, unreadable } = read.problem;
    return {
      problems: [
        {
          file: shown,
          line,
          col,
          field: "",
          message: unreadable ? `${message}: every *.yaml in ${displayPath(path.dirname(file))} must be a tenant file; remove, rename or fix it` : message,
        },
      ],
    };
  }
  const source = read.text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file: shown, line: pos.line, col: pos.col, field: "", message: `invalid YAML: ${firstLine(e.message)}` };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    // the yaml package refuses an alias that would expand past maxAliasCount ("billion laughs")
    const pos = lineCounter.linePos(firstAliasOffset(doc));
    return {
      problems: [
        {
          file: shown,
          line: pos.line,
          col: pos.col,
          field: "",
          message: `invalid YAML: the aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies of their anchors (a pattern that exhausts memory); write the values out instead`,
        },
      ],
    };
  }
  const tooLong = longStrings(data);
  if (tooLong.length > 0) {
    return {
      problems: tooLong.map(({ fieldPath, chars, key }) =>
        at(shown, doc, lineCounter, fieldPath, `${key ? "a key" : "a value"} of ${chars.toLocaleString("en-US")} characters; no tenant field takes more than ${MAX_FIELD_CHARS.toLocaleString("en-US")}`, key),
      ),
    };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    const pos = lineCounter.linePos((doc.contents as Node | null)?.range?.[0] ?? 0);
    return {
      problems: [{ file: shown, line: pos.line, col: pos.col, field: "", message: "the file must be a YAML mapping of tenant fields (name:, displayName:, tenantId:, ...); see tenants/kraainem.yaml" }],
    };
  }
  const result = TenantSchema.safeParse(data, { reportInput: true });
  const problems: TenantProblem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...toProblems(shown, doc, lineCounter, issue));
  }
  const expected = path.basename(file).replace(/\.ya?ml$/, "");
  const name = (data as { name?: unknown } | null)?.name;
  if (typeof name === "string" && name !== expected) {
    problems.push(at(shown, doc, lineCounter, ["name"], `must equal the file name "${expected}", got "${name}"`));
  }
  if (!/^[a-z0-9-]+$/.test(expected)) {
    problems.push({ file: shown, field: "", message: "tenant file names must be lowercase [a-z0-9-]+.yaml" });
  }
  if (problems.length > 0 || !result.success) return { problems: sortProblems(problems) };
  return { tenant: result.data, locate: (fieldPath, message) => at(shown, doc, lineCounter, fieldPath, message) };
}

/** Aliases a file may expand (the yaml package's default, named here for the message). */
const MAX_ALIAS_COUNT = 100;

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Every string value or key longer than any tenant field takes, with its path. */
function longStrings(data: unknown, fieldPath: PropertyKey[] = []): { fieldPath: PropertyKey[]; chars: number; key: boolean }[] {
  if (typeof data === "string") return data.length > MAX_FIELD_CHARS ? [{ fieldPath, chars: data.length, key: false }] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => longStrings(v, [...fieldPath, i]));
  if (typeof data === "object" && data !== null) {
    return Object.entries(data).flatMap(([k, v]) => [
      ...(k.length > MAX_FIELD_CHARS ? [{ fieldPath: [...fieldPath, k], chars: k.length, key: true }] : []),
      ...longStrings(v, [...fieldPath, k]),
    ]);
  }
  return [];
}

/** A value as it may be echoed in a message: at most 60 characters. */
function shortValue(v: unknown): string {
  const s = String(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

function toProblems(file: string, doc: Document, lc: LineCounter, issue: z.core.$ZodIssue): TenantProblem[] {
  const p = issue.path as PropertyKey[];
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeys(p);
    return issue.keys.map((k) => {
      const near = allowed ? closest(k, allowed) : undefined;
      const hint = near ? `; did you mean "${near}"?` : allowed ? `; allowed: ${allowed.join(", ")}` : "";
      return at(file, doc, lc, [...p, k], `unknown field "${k}"${hint}`, true);
    });
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return [at(file, doc, lc, p, `required field is missing (expected ${issue.expected})`)];
  }
  if ((issue.code === "too_big" || issue.code === "too_small") && issue.origin === "number" && /^Too (big|small)/.test(issue.message)) {
    const bound = Number(issue.code === "too_big" ? issue.maximum : issue.minimum);
    const inclusive = issue.inclusive !== false;
    const word = issue.code === "too_big" ? (inclusive ? "at most" : "less than") : inclusive ? "at least" : "more than";
    return [at(file, doc, lc, p, `${String(issue.input)} is out of range; must be ${word} ${bound}`)];
  }
  if ((issue.code === "too_big" || issue.code === "too_small") && issue.origin === "string" && /^Too (big|small)/.test(issue.message)) {
    const chars = typeof issue.input === "string" ? issue.input.length : undefined;
    const bound = Number(issue.code === "too_big" ? issue.maximum : issue.minimum);
    if (issue.code === "too_small" && bound === 1) return [at(file, doc, lc, p, "must not be empty")];
    const word = issue.code === "too_big" ? "at most" : "at least";
    return [at(file, doc, lc, p, `${chars === undefined ? "" : `${chars} characters; `}must be ${word} ${bound} characters`)];
  }
  if (issue.code === "invalid_value") {
    return [at(file, doc, lc, p, `"${shortValue(issue.input)}" is not allowed; allowed: ${issue.values.map((v) => String(v)).join(", ")}`)];
  }
  return [at(file, doc, lc, p, issue.message)];
}

function at(file: string, doc: Document, lc: LineCounter, fieldPath: PropertyKey[], message: string, atKey = false): TenantProblem {
  const offset = locate(doc, fieldPath, atKey);
  const pos = offset === undefined ? undefined : lc.linePos(offset);
  return { file, line: pos?.line, col: pos?.col, field: fieldPath.map(shortValue).join("."), message };
}

/**
 * Source offset of the deepest node on the path: the value when it exists (or its key, with
 * atKey), else the nearest parent's key.
 */
function locate(doc: Document, fieldPath: PropertyKey[], atKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const seg of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      if (isScalar(node) && !(atKey && seg === fieldPath[fieldPath.length - 1])) offset = node.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

/** The keys an object in the schema accepts, for "allowed:" hints on unknown fields. */
function allowedKeys(fieldPath: PropertyKey[]): string[] | undefined {
  let schema: z.core.$ZodType | undefined = TenantSchema as unknown as z.core.$ZodType;
  const unwrap = (s: z.core.$ZodType): z.core.$ZodType => {
    const def = s._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") {
      return unwrap(def.innerType!);
    }
    if (def.type === "pipe") return unwrap(def.in!);
    return s;
  };
  for (const seg of [...fieldPath, undefined]) {
    if (!schema) return undefined;
    schema = unwrap(schema);
    const def = schema._zod.def as unknown as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      valueType?: z.core.$ZodType;
      element?: z.core.$ZodType;
    };
    if (seg === undefined) return def.type === "object" && def.shape ? Object.keys(def.shape).filter((k) => k !== "$schema") : undefined;
    if (def.type === "object") schema = def.shape?.[String(seg)];
    else if (def.type === "record") schema = def.valueType;
    else if (def.type === "array") schema = def.element;
    else return undefined;
  }
  return undefined;
}

/** The allowed name a misspelling most likely meant: at most two edits away (case ignored). */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

function sortProblems(problems: TenantProblem[]): TenantProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : p;
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}
