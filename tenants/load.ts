/**
 * Reads and validates tenant files. Every problem in every file is collected before anything is
 * synthesized, and each is reported as `tenants/<file>.yaml:<line>:<col> <field.path>: <message>`.
 */
import * as fs from "fs";
import * as path from "path";
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Document } from "yaml";
import { z } from "zod";
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

/** Lists tenant names (file names without .yaml) in a folder, sorted. */
export function listTenantFiles(dir: string = TENANTS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Loads and validates every tenant file in a folder; throws TenantFileError with all problems. */
export function loadTenants(dir: string = TENANTS_DIR): Tenant[] {
  const files = listTenantFiles(dir);
  const problems: TenantProblem[] = [];
  const tenants: Tenant[] = [];
  if (files.length === 0) {
    problems.push({ file: displayPath(dir), field: "", message: "no tenant files (*.yaml) found" });
  }
  const located: { tenant: Tenant; locate: Locator }[] = [];
  for (const file of files) {
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
const UNIQUE_FIELDS: { path: string[]; what: string }[] = [
  { path: ["tenantId"], what: "tenant id" },
  { path: ["subscriptionId"], what: "subscription" },
  { path: ["primaryDomain"], what: "domain" },
  { path: ["breakGlass", "groupObjectId"], what: "emergency-access group" },
  { path: ["remoteAccess", "hostname"], what: "Awingu host name" },
  { path: ["devices", "displayNamePrefix"], what: "Intune name prefix" },
];

function sharedValues(located: { tenant: Tenant; locate: Locator }[]): TenantProblem[] {
  const problems: TenantProblem[] = [];
  for (const field of UNIQUE_FIELDS) {
    const seen = new Map<string, string>();
    for (const { tenant, locate } of located) {
      const value = field.path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tenant);
      if (typeof value !== "string") continue;
      const first = seen.get(value.toLowerCase());
      if (first) problems.push(locate(field.path, `the ${field.what} "${value}" is also in tenants/${first}.yaml; each municipality needs its own`));
      else seen.set(value.toLowerCase(), tenant.name);
    }
  }
  return problems;
}

/** Loads one tenant by name from a folder; unknown names list the ones that exist. */
export function loadTenant(name: string, dir: string = TENANTS_DIR): Tenant {
  const file = listTenantFiles(dir).find((f) => path.basename(f).replace(/\.ya?ml$/, "") === name);
  if (!file) {
    const known = listTenantFiles(dir).map((f) => path.basename(f).replace(/\.ya?ml$/, ""));
    throw new UnknownTenantError(name, known);
  }
  const result = parseTenantFile(file);
  if ("problems" in result) throw new TenantFileError(result.problems);
  // the values that must differ between municipalities are checked against the other valid files
  const others = listTenantFiles(dir)
    .filter((f) => f !== file)
    .map(parseTenantFile)
    .filter((r): r is { tenant: Tenant; locate: Locator } => "tenant" in r);
  const shared = sharedValues([...others, result]).filter((p) => p.file === displayPath(file));
  if (shared.length > 0) throw new TenantFileError(shared);
  return result.tenant;
}

export function parseTenantFile(file: string): { tenant: Tenant; locate: Locator } | { problems: TenantProblem[] } {
  const shown = displayPath(file);
  const source = fs.readFileSync(file, "utf8");
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
  const data = doc.toJS() as unknown;
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
  if (issue.code === "invalid_value") {
    return [at(file, doc, lc, p, `"${String(issue.input)}" is not allowed; allowed: ${issue.values.map((v) => String(v)).join(", ")}`)];
  }
  return [at(file, doc, lc, p, issue.message)];
}

function at(file: string, doc: Document, lc: LineCounter, fieldPath: PropertyKey[], message: string, atKey = false): TenantProblem {
  const offset = locate(doc, fieldPath, atKey);
  const pos = offset === undefined ? undefined : lc.linePos(offset);
  return { file, line: pos?.line, col: pos?.col, field: fieldPath.map(String).join("."), message };
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
