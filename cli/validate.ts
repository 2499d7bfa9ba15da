import * as path from "path";
import { Command, parseFlags } from "./command";
import { listTenantFiles, loadTenant, loadTenants } from "../tenants/load";
import { findPlaceholders, formatPlaceholder, Placeholder, placeholderWarning } from "../tenants/placeholders";

export const validateCommand: Command = {
  name: "validate",
  summary: "validate the tenant files (all, or one with --tenant); --strict also refuses placeholders",
  usage: `Usage: werkplek validate [--tenant <name>] [--strict]

Validates tenants/*.yaml against the tenant schema and prints every problem as
<file>:<line>:<col> <field.path>: <message>.

A file that still holds placeholders (ids starting with zeros, documentation IP ranges,
PLACEHOLDER markers, image version "latest", example domains) is valid, with one warning line;
--strict refuses it and names every placeholder with file:line. The deploy workflow runs
--strict before any plan.

Options:
  --tenant <name>  validate only tenants/<name>.yaml
  --strict         exit 2 when a file still holds placeholders
  -h, --help       show this help

Exit codes: 0 valid, 2 invalid file, placeholders with --strict, or bad flag.`,
  async run(argv, io) {
    const { values } = parseFlags("validate", argv, { tenant: { type: "string" }, strict: { type: "boolean" } });
    const names = values.tenant ? [loadTenant(values.tenant).name] : loadTenants().map((t) => t.name);
    const files = listTenantFiles().filter((f) => names.includes(path.basename(f).replace(/\.ya?ml$/, "")));
    const found: Placeholder[][] = files.map((f) => findPlaceholders(f, path.relative(process.cwd(), f) || f)).filter((p) => p.length > 0);
    if (values.strict && found.length > 0) {
      io.err(
        `werkplek validate --strict: placeholders that must not be deployed:\n${found.flat().map(formatPlaceholder).join("\n")}\n` +
          "Fill in the real values (ids from the Entra admin center or az, the municipality's own domain and ranges, a pinned image version).\n",
      );
      return 2;
    }
    for (const p of found) io.err(placeholderWarning(p));
    io.out(values.tenant ? `tenants/${names[0]}.yaml is valid\n` : `all ${names.length} tenant file(s) are valid: ${names.join(", ")}\n`);
    return 0;
  },
};
