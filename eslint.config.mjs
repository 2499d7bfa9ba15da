// @ts-check
import tseslint from "typescript-eslint";

const NO_TERRAFORM = "This cdktf class runs `terraform version` at synth time, and synthesis must work without terraform: use TerraformData / importExisting from constructs/terraform-data.ts.";
const BARREL = "Import provider classes by deep path (e.g. @cdktf/provider-azuread/lib/group): the package root loads every resource and costs seconds and a gigabyte at every synth and test.";

const BARREL_PATHS = [
  { name: "@cdktf/provider-azurerm", message: BARREL },
  { name: "@cdktf/provider-azuread", message: BARREL },
  { name: "@cdktf/provider-azurerm/lib", message: BARREL },
  { name: "@cdktf/provider-azuread/lib", message: BARREL },
  { name: "@cdktf/provider-azurerm/lib/index", message: BARREL },
  { name: "@cdktf/provider-azuread/lib/index", message: BARREL },
];
const BARREL_PATTERNS = [{ regex: "^@cdktf/provider-[a-z0-9]+(/lib)?(/(index|lazy-index))?$", message: BARREL }];

/**
 * The layers of the code, bottom first. A folder imports its own files and the folders below it,
 * never one above: Microsoft's and our fixed facts, generic constructs (no tenant files), the tenant
 * schema, policies (tenant → desired configuration), stacks (and the reader of their output), then
 * the guardrails and the CLI that read the synthesized output. test/layers.spec.ts checks the same.
 */
export const LAYERS = ["facts", "constructs", "tenants", "policies", "stacks", "guardrails", "cli"];

const layerRules = LAYERS.map((layer, i) => {
  const above = LAYERS.slice(i + 1);
  const patterns = above.length
    ? [
        {
          regex: `^(\\.\\./)+(${above.join("|")})(/|$)`,
          message: `${layer}/ may import only ${LAYERS.slice(0, i).map((l) => `${l}/`).join(", ") || "npm packages"} (and itself): the layers import one way (LAYERS in eslint.config.mjs, README "Layout").`,
        },
      ]
    : [];
  return {
    files: [`${layer}/**/*.ts`],
    rules: { "no-restricted-imports": ["error", { paths: BARREL_PATHS, patterns: [...BARREL_PATTERNS, ...patterns] }] },
  };
});

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "coverage/", "docs-out/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-imports": ["error", { paths: BARREL_PATHS, patterns: BARREL_PATTERNS }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='importFrom']", message: NO_TERRAFORM },
        { selector: "NewExpression[callee.name=/^(DataResource|ImportableResource)$/]", message: NO_TERRAFORM },
        { selector: "NewExpression[callee.property.name=/^(DataResource|ImportableResource)$/]", message: NO_TERRAFORM },
      ],
    },
  },
  ...layerRules,
  // tests poke into synthesized JSON, which is untyped by nature
  { files: ["test/**/*.ts", "**/*.spec.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
