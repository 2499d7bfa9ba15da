import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

/** LAYERS as eslint.config.mjs declares them (the one list; eslint enforces it file by file). */
function layers(): string[] {
  const config = fs.readFileSync(path.join(ROOT, "eslint.config.mjs"), "utf8");
  const m = /export const LAYERS = (\[[^\]]*\]);/.exec(config);
  if (!m) throw new Error("eslint.config.mjs: no `export const LAYERS = [...]`");
  return JSON.parse(m[1]);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

/** Every import of a top-level folder's files into another top-level folder, as "from -> to: file". */
function crossFolderImports(folders: readonly string[]): { from: string; to: string; file: string }[] {
  const out: { from: string; to: string; file: string }[] = [];
  for (const from of folders) {
    for (const file of sourceFiles(path.join(ROOT, from))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:\bfrom|\bimport|\brequire\()\s*["'](\.[^"']+)["']/g)) {
        const target = path.relative(ROOT, path.resolve(path.dirname(file), m[1])).split(path.sep)[0];
        if (target !== from) out.push({ from, to: target, file: path.relative(ROOT, file) });
      }
    }
  }
  return out;
}

describe("the code's folders import one way", () => {
  const order = layers();

  test("the layers are the top-level code folders", () => {
    const codeFolders = fs
      .readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !["node_modules", "test", "bench", "bin", "scripts", "docs", "cdktf.out", "coverage", "docs-out"].includes(e.name) && !e.name.startsWith("."))
      .filter((e) => sourceFiles(path.join(ROOT, e.name)).length > 0)
      .map((e) => e.name)
      .sort();
    expect(codeFolders).toEqual([...order].sort());
  });

  test("no folder imports one above it (so none imports a folder that imports it back)", () => {
    const upward = crossFolderImports(order)
      .filter((i) => order.indexOf(i.to) > order.indexOf(i.from))
      .map((i) => `${i.file} imports ${i.to}/ (above ${i.from}/)`);
    expect(upward).toEqual([]);
  });
});
