import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../cli/main";
import { docsContext } from "../cli/docs/context";
import { renderPages } from "../cli/docs/index";
import { mermaidBlocks } from "../cli/docs/markdown";
import { kraainem, ROOT, tempDir } from "./helpers";

let pages: Record<string, string>;
let out: string;
beforeAll(async () => {
  out = tempDir();
  const code = await main(["docs", "--tenant", "kraainem", "--out", out], { out: () => undefined, err: () => undefined });
  expect(code).toBe(0);
  pages = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]));
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe("werkplek docs", () => {
  test("every Mermaid block parses with Mermaid's own parser, and there are at least three", () => {
    const files = Object.keys(pages).map((f) => path.join(out, f));
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-mermaid.mjs"), ...files], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout) as { file: string; ok: boolean; error?: string }[];
    expect(results.filter((x) => !x.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.length).toBe(Object.values(pages).flatMap(mermaidBlocks).length);
  });

  test("the output is deterministic", () => {
    expect(renderPages(docsContext(kraainem()))).toEqual(pages);
  });

  test("the pages change when the tenant file changes", () => {
    const t = kraainem();
    const changed = renderPages(docsContext({ ...t, groups: { ...t.groups, mat: { ...t.groups.mat, displayName: "GRP-Directieteam" } } }));
    expect(pages["identity.md"]).toContain("GRP-Managementteam");
    expect(changed["identity.md"]).toContain("GRP-Directieteam");
    expect(changed["identity.md"]).not.toContain("GRP-Managementteam");
  });

  test("the overview lists every stack with its resource count", () => {
    expect(pages["README.md"]).toMatch(/\| `kraainem-identity` \| \d+ \|/);
  });

  test("unknown tenant and missing flags exit 2", async () => {
    let err = "";
    const io = { out: () => undefined, err: (t: string) => (err += t) };
    expect(await main(["docs", "--tenant", "zaventem", "--out", out], io)).toBe(2);
    expect(err).toMatch(/unknown tenant "zaventem"/);
    expect(await main(["docs", "--tenant", "kraainem"], io)).toBe(2);
  });
});
