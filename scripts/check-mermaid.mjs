// Parses every ```mermaid block of the Markdown files given as arguments with Mermaid's own
// parser (in jsdom, no browser) and prints one JSON line: [{file, index, ok, type|error}].
// Exit code 1 when a block does not parse, 0 otherwise.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");

const results = [];
for (const file of process.argv.slice(2)) {
  const blocks = [...readFileSync(file, "utf8").matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  for (const [index, block] of blocks.entries()) {
    try {
      const r = await mermaid.parse(block);
      results.push({ file, index, ok: true, type: r.diagramType });
    } catch (e) {
      results.push({ file, index, ok: false, error: String(e.message ?? e).split("\n").slice(0, 3).join(" ") });
    }
  }
}
process.stdout.write(JSON.stringify(results) + "\n");
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
