import { spawnSync } from "child_process";
import { ROOT } from "./helpers";

type Message = { ruleId: string | null; message: string };

/**
 * Lints snippets as if each were the given file, with the project's eslint config, all in one
 * child process (eslint loads its config through dynamic import, which jest's CommonJS cannot).
 */
function lintAll(cases: readonly { code: string; file: string }[]): Message[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const c of cases) out.push((await eslint.lintText(c.code, { filePath: c.file }))[0].messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const results = new Map<string, Message[]>();
const key = (code: string, file: string) => `${file}\n${code}`;

/** The messages for one snippet, linted in the batch of beforeAll. */
function lint(code: string, file = "stacks/example.ts"): Message[] {
  const m = results.get(key(code, file));
  if (!m) throw new Error(`snippet not in the batch: ${file}: ${code}`);
  return m;
}

// Package names are assembled so that this file itself holds no barrel import line for the
// repository's own import checks to trip over.
const AZUREAD = ["@cdktf", "provider-azuread"].join("/");
const AZURERM = ["@cdktf", "provider-azurerm"].join("/");

const BARREL_IMPORTS = [
  `import { Group } from "${AZUREAD}";\nexport { Group };\n`,
  `import * as azurerm from "${AZURERM}";\nexport { azurerm };\n`,
  'import { group } from "@cdktf/provider-azuread/lib";\nexport { group };\n',
  'import { group } from "@cdktf/provider-azuread/lib/index";\nexport { group };\n',
];
const TERRAFORM_AT_SYNTH = [
  'import { DataResource } from "cdktf";\nexport const f = (s: any) => new DataResource(s, "a", {});\n',
  'import * as cdktf from "cdktf";\nexport const f = (s: any) => new cdktf.ImportableResource(s, "a", {} as any);\n',
  'export const f = (r: { importFrom(id: string): void }) => r.importFrom("/groupSettings/1");\n',
];
const DEEP_IMPORT = 'import { Group } from "@cdktf/provider-azuread/lib/group";\nexport { Group };\n';
const UPWARD_IMPORTS = [
  ["constructs/teams/example.ts", "../../tenants/schema"],
  ["constructs/example.ts", "../policies/teams/teams-policies"],
  ["facts/example.ts", "../constructs/errors"],
  ["tenants/sections/example.ts", "../../guardrails/registry"],
  ["policies/intune/example.ts", "../../stacks/werkplek-stack"],
  ["stacks/example.ts", "../cli/command"],
  ["guardrails/identity/example.ts", "../../cli/review/values"],
];
const DOWNWARD_IMPORTS = [
  ["constructs/teams/example.ts", "../../facts/teams-cmdlets"],
  ["tenants/sections/example.ts", "../../constructs/ip-ranges"],
  ["stacks/example.ts", "../policies/teams/teams-policies"],
  ["cli/review/example.ts", "../../stacks/synthesized"],
];
const reexport = (from: string) => `export * from "${from}";\n`;

beforeAll(() => {
  const cases = [
    ...[...BARREL_IMPORTS, ...TERRAFORM_AT_SYNTH, DEEP_IMPORT].map((code) => ({ code, file: "stacks/example.ts" })),
    ...[...UPWARD_IMPORTS, ...DOWNWARD_IMPORTS].map(([file, from]) => ({ code: reexport(from), file })),
  ];
  lintAll(cases).forEach((messages, i) => results.set(key(cases[i].code, cases[i].file), messages));
});

describe("lint rules", () => {
  test.each(BARREL_IMPORTS)("a provider barrel import is an error: %s", (code) => {
    expect(lint(code).map((m) => m.ruleId)).toContain("no-restricted-imports");
  });

  test.each(TERRAFORM_AT_SYNTH)("a cdktf construct that runs `terraform version` at synth time is an error: %s", (code) => {
    expect(lint(code).map((m) => m.ruleId)).toContain("no-restricted-syntax");
  });

  test.each(UPWARD_IMPORTS)("an import against the layers is an error: %s imports %s", (file, from) => {
    const messages = lint(reexport(from), file);
    expect(messages.map((m) => m.ruleId)).toContain("no-restricted-imports");
    expect(messages.map((m) => m.message).join("\n")).toMatch(/the layers import one way/);
  });

  test.each(DOWNWARD_IMPORTS)("an import down the layers is fine: %s imports %s", (file, from) => {
    expect(lint(reexport(from), file)).toEqual([]);
  });

  test("a deep import is fine", () => {
    expect(lint(DEEP_IMPORT)).toEqual([]);
  });
});
