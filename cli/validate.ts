import { Command, parseFlags } from "./command";
import { loadTenant, loadTenants } from "../tenants/load";

export const validateCommand: Command = {
  name: "validate",
  summary: "validate the tenant files (all, or one with --tenant)",
  usage: `Usage: werkplek validate [--tenant <name>]

Validates tenants/*.yaml against the tenant schema and prints every problem as
<file>:<line>:<col> <field.path>: <message>.

Options:
  --tenant <name>  validate only tenants/<name>.yaml
  -h, --help       show this help

Exit codes: 0 valid, 2 invalid file or bad flag.`,
  async run(argv, io) {
    const { values } = parseFlags("validate", argv, { tenant: { type: "string" } });
    if (values.tenant) {
      const tenant = loadTenant(values.tenant);
      io.out(`tenants/${tenant.name}.yaml is valid\n`);
      return 0;
    }
    const tenants = loadTenants();
    io.out(`all ${tenants.length} tenant file(s) are valid: ${tenants.map((t) => t.name).join(", ")}\n`);
    return 0;
  },
};
