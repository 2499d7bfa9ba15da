import { parseArgs, ParseArgsConfig } from "util";

/** Bad input on the command line or in a file: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface Command {
  readonly name: string;
  /** One line for `werkplek --help`. */
  readonly summary: string;
  /** Full help text for `werkplek <name> --help`. */
  readonly usage: string;
  /** Runs the command; returns the exit code (0 ok, 1 findings or failure). Throws UsageError for bad input. */
  run(argv: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CommandIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses flags strictly; unknown flags, missing values and empty values become a UsageError naming
 * the flag. An empty value (`--tenant=`, `--groups ""`) is refused: it would otherwise read as the
 * flag left out, which for a filter means "all".
 */
export function parseFlags<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals, tokens: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`${command}: ${msg}; see 'werkplek ${command} --help'`);
  }
  for (const token of parsed.tokens ?? []) {
    if (token.kind === "option" && typeof token.value === "string" && token.value.trim() === "") {
      throw new UsageError(`${command}: --${token.name} is empty; give a value, or leave the flag out (see 'werkplek ${command} --help')`);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** Splits a comma-separated flag value, checking each item against the allowed values. */
export function listFlag(command: string, flag: string, value: string | undefined, allowed?: readonly string[]): string[] {
  if (value === undefined) return [];
  const items = value.split(",").map((s) => s.trim());
  if (items.some((i) => i === "")) {
    throw new UsageError(`${command}: --${flag} "${value}" has an empty item; give a comma-separated list without empty entries${allowed ? `; allowed: ${allowed.join(", ")}` : ""}`);
  }
  if (allowed) {
    for (const item of items) {
      if (!allowed.includes(item)) {
        throw new UsageError(`${command}: --${flag} "${item}" is not allowed; allowed: ${allowed.join(", ")}`);
      }
    }
  }
  return items;
}

/** Checks a single-valued flag against the allowed values. */
export function enumFlag<T extends string>(command: string, flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw new UsageError(`${command}: --${flag} "${value}" is not allowed; allowed: ${allowed.join(", ")}`);
  }
  return value as T;
}
