import * as fs from "fs";
import * as path from "path";
import { Command, parseFlags, UsageError } from "./command";
import { docsContext } from "./docs/context";
import { renderPages } from "./docs/index";
import { makeFolder } from "../constructs/text-file";
import { loadTenant } from "../tenants/load";

export const docsCommand: Command = {
  name: "docs",
  summary: "write Markdown pages (with Mermaid diagrams) and a Dutch telework guide for a tenant",
  usage: `Usage: werkplek docs --tenant <name> --out <dir>

Writes the workspace documentation of one tenant as Markdown pages, generated from the same
objects that are synthesized: overview, identity, conditional access (with the what-if persona
matrix), network, Teams and Intune, and a telework guide for staff in Dutch. GitHub renders the
Mermaid diagrams. Output is deterministic.

Options:
  --tenant <name>  tenant file tenants/<name>.yaml (required)
  --out <dir>      folder to write the pages to (required; created if missing)
  -h, --help       show this help

Exit codes: 0 written, 2 unknown tenant or bad flag.`,
  async run(argv, io) {
    const { values } = parseFlags("docs", argv, { tenant: { type: "string" }, out: { type: "string" } });
    if (!values.tenant) throw new UsageError("docs: --tenant <name> is required");
    if (!values.out) throw new UsageError("docs: --out <dir> is required");
    const tenant = loadTenant(values.tenant);
    const pages = renderPages(docsContext(tenant));
    try {
      makeFolder(values.out); // not mkdirSync recursive: it never returns for a path under /proc
      for (const [file, text] of Object.entries(pages)) fs.writeFileSync(path.join(values.out, file), text);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "EEXIST" || (e as NodeJS.ErrnoException).code === "ENOTDIR" ? "it is (inside) a file, not a folder" : (e as Error).message;
      throw new UsageError(`docs: --out "${values.out}" cannot be written: ${reason}; give a folder (it is created if missing)`);
    }
    io.out(`werkplek docs: wrote ${Object.keys(pages).length} pages for ${tenant.name} to ${values.out}\n`);
    return 0;
  },
};
