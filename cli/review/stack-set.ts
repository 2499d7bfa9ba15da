/**
 * One side of a comparison: the synthesized stacks of a cdktf output folder as the one reader
 * (stacks/synthesized.ts) reads them, with the guardrail report the synth wrote beside them.
 */
import * as fs from "fs";
import * as path from "path";
import { readStacks, stacksFolder, SynthesizedOutputError, SynthesizedStack } from "../../stacks/synthesized";
import { UsageError } from "../command";
import { isObject } from "../../stacks/synthesized";

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
  /** Stack name → the stack as the reader read it (its Terraform JSON and documents). */
  readonly stacks: Readonly<Record<string, SynthesizedStack>>;
  /** `guardrails.json` of the output folder, when the synth wrote one. */
  readonly guardrails?: readonly GuardrailFinding[];
}

/**
 * Reads a cdktf output folder (`cdktf.out`, or a folder holding one). `flag` names the option in
 * messages. Bad input throws a UsageError naming the folder or file.
 */
export function readStackSet(dir: string, flag: string): StackSet {
  let stacks: Record<string, SynthesizedStack>;
  try {
    stacks = Object.fromEntries(readStacks(dir).map((s) => [s.name, s]));
  } catch (e) {
    if (e instanceof SynthesizedOutputError) throw new UsageError(`diff: ${flag} ${e.message}`);
    throw e;
  }
  const guardrailsFile = path.join(path.dirname(stacksFolder(dir)!), "guardrails.json");
  let guardrails: GuardrailFinding[] | undefined;
  if (fs.existsSync(guardrailsFile)) {
    const g = readJson(guardrailsFile, flag);
    if (!isObject(g) || !Array.isArray(g.findings)) {
      throw new UsageError(`diff: ${flag} ${guardrailsFile}: expected {"findings": [...], "summary": {...}}`);
    }
    guardrails = g.findings as unknown as GuardrailFinding[];
  }
  return { source: dir, stacks, guardrails };
}

function readJson(file: string, flag: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`diff: ${flag} ${file}: not readable JSON (${(e as Error).message})`);
  }
}
