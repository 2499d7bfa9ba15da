/**
 * One side of a comparison: the synthesized stacks of a cdktf output folder, with the extra
 * documents written next to them (e.g. the Teams desired-state JSON) and the guardrail report.
 */
import * as fs from "fs";
import * as path from "path";
import { AREAS, Area } from "../../stacks/werkplek-stack";
import { UsageError } from "../command";
import { isObject, JsonObject } from "./values";

export interface StackJson {
  resource?: Record<string, Record<string, JsonObject>>;
  data?: Record<string, Record<string, JsonObject>>;
  output?: Record<string, { value?: unknown; sensitive?: boolean }>;
  terraform?: { backend?: Record<string, unknown> };
}

export interface GuardrailFinding {
  rule: string;
  level: string;
  stack: string;
  resource?: string;
  message: string;
  controls?: string[];
  suppressed?: boolean;
  reason?: string;
}

export interface StackSet {
  /** The folder it was read from, for messages. */
  readonly source: string;
  /** Stack name → synthesized Terraform JSON. */
  readonly stacks: Readonly<Record<string, StackJson>>;
  /** Stack name → document key (path inside the stack folder, content hashes replaced by `*`) → parsed JSON. */
  readonly documents: Readonly<Record<string, Record<string, unknown>>>;
  /** `guardrails.json` of the output folder, when the synth wrote one. */
  readonly guardrails?: readonly GuardrailFinding[];
}

/** Area of a stack from its name suffix (`kraainem-conditional-access` → `conditional-access`). */
export function areaOf(stack: string): Area | undefined {
  // longest first, so `-remote-access` is not read as `-access`-something shorter
  return [...AREAS].sort((a, b) => b.length - a.length).find((a) => stack.endsWith(`-${a}`));
}

/** Tenant of a stack: its name without the area suffix. */
export function tenantOf(stack: string): string {
  const area = areaOf(stack);
  return area ? stack.slice(0, -(area.length + 1)) : stack;
}

/**
 * Reads a cdktf output folder (`cdktf.out`, or a folder holding one). `flag` names the option in
 * messages. Bad input throws a UsageError naming the folder or file.
 */
export function readStackSet(dir: string, flag: string): StackSet {
  let root = dir;
  if (!fs.existsSync(path.join(root, "stacks")) && fs.existsSync(path.join(root, "cdktf.out", "stacks"))) {
    root = path.join(root, "cdktf.out");
  }
  const stacksDir = path.join(root, "stacks");
  if (!fs.existsSync(stacksDir) || !fs.statSync(stacksDir).isDirectory()) {
    throw new UsageError(`diff: ${flag} ${dir}: no synthesized stacks found (expected ${path.join(dir, "stacks")} or ${path.join(dir, "cdktf.out", "stacks")}); run 'npm run synth' first`);
  }
  const stacks: Record<string, StackJson> = {};
  const documents: Record<string, Record<string, unknown>> = {};
  for (const name of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, name, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const json = readJson(file, flag);
    if (!isObject(json)) throw new UsageError(`diff: ${flag} ${file}: not a synthesized stack (expected a JSON object)`);
    stacks[name] = json as StackJson;
    documents[name] = readDocuments(path.join(stacksDir, name), flag);
  }
  const guardrailsFile = path.join(root, "guardrails.json");
  let guardrails: GuardrailFinding[] | undefined;
  if (fs.existsSync(guardrailsFile)) {
    const g = readJson(guardrailsFile, flag);
    if (!isObject(g) || !Array.isArray(g.findings)) {
      throw new UsageError(`diff: ${flag} ${guardrailsFile}: expected {"findings": [...], "summary": {...}}`);
    }
    guardrails = g.findings as unknown as GuardrailFinding[];
  }
  return { source: dir, stacks, documents, guardrails };
}

/** JSON documents in a stack folder other than the stack itself and terraform's own files. */
function readDocuments(stackDir: string, flag: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "plan") continue; // .terraform, lock files, plan files
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, relPath);
      else if (entry.name.endsWith(".json") && relPath !== "cdk.tf.json" && !entry.name.endsWith(".tfstate.json")) {
        out[documentKey(relPath)] = readJson(full, flag);
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

function readJson(file: string, flag: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`diff: ${flag} ${file}: not readable JSON (${(e as Error).message})`);
  }
}
