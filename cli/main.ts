/**
 * `npx werkplek <command>`: the tools around the synthesized stacks. Exit codes: 0 success,
 * 1 findings or failure, 2 usage or input error (message, no stack trace), 70 internal error
 * (a bug: message and stack trace). An unexpected exception must never look like exit 1, which
 * callers read as "findings" or "drift".
 */
import { Command, CommandIO, processIO, UsageError } from "./command";
import { adoptCommand } from "./adopt";
import { assessConfigCommand } from "./assess-config";
import { docsCommand } from "./docs";
import { initCommand } from "./init";
import { checkCommand } from "./check";
import { diffCommand } from "./diff";
import { driftCommand } from "./drift";
import { validateCommand } from "./validate";
import { whatifCommand } from "./whatif";
import { ConfigurationError } from "../constructs/errors";
import { TenantFileError, UnknownTenantError } from "../tenants/load";

/** Exit code of an unexpected exception (EX_SOFTWARE in sysexits.h). */
export const EXIT_INTERNAL = 70;

export const COMMANDS: readonly Command[] = [initCommand, validateCommand, adoptCommand, checkCommand, whatifCommand, diffCommand, driftCommand, docsCommand, assessConfigCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: werkplek <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run 'werkplek <command> --help' for a command's options.
Exit codes: 0 success, 1 findings or failure, 2 usage or input error,
${EXIT_INTERNAL} internal error (a bug in werkplek: please report it with the output).
`;
}

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`werkplek: unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(", ")}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage + "\n");
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`werkplek ${e.message}\n`);
      return 2;
    }
    if (e instanceof UnknownTenantError) {
      io.err(`werkplek ${name}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof TenantFileError) {
      io.err(`werkplek ${name}: invalid tenant file:\n${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigurationError) {
      io.err(`werkplek ${name}: configuration that cannot be deployed: ${e.message}\n`);
      return 2;
    }
    const error = e instanceof Error ? e : new Error(String(e));
    io.err(
      `werkplek ${name}: internal error (exit ${EXIT_INTERNAL}): ${error.message}\n` +
        `This is a bug in werkplek, not in your input: please report it with this output.\n${error.stack ?? ""}\n`,
    );
    return EXIT_INTERNAL;
  }
}
