// @ts-check
import tseslint from "typescript-eslint";

const NO_TERRAFORM = "This cdktf class runs `terraform version` at synth time, and synthesis must work without terraform: use TerraformData / importExisting from constructs/terraform-data.ts.";
const BARREL = "Import provider classes by deep path (e.g. @cdktf/provider-azuread/lib/group): the package root loads every resource and costs seconds and a gigabyte at every synth and test.";

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "coverage/", "docs-out/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@cdktf/provider-azurerm", message: BARREL },
            { name: "@cdktf/provider-azuread", message: BARREL },
            { name: "@cdktf/provider-azurerm/lib", message: BARREL },
            { name: "@cdktf/provider-azuread/lib", message: BARREL },
            { name: "@cdktf/provider-azurerm/lib/index", message: BARREL },
            { name: "@cdktf/provider-azuread/lib/index", message: BARREL },
          ],
          patterns: [{ regex: "^@cdktf/provider-[a-z0-9]+(/lib)?(/(index|lazy-index))?$", message: BARREL }],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='importFrom']", message: NO_TERRAFORM },
        { selector: "NewExpression[callee.name=/^(DataResource|ImportableResource)$/]", message: NO_TERRAFORM },
        { selector: "NewExpression[callee.property.name=/^(DataResource|ImportableResource)$/]", message: NO_TERRAFORM },
      ],
    },
  },
  // tests poke into synthesized JSON, which is untyped by nature
  { files: ["test/**/*.ts", "**/*.spec.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
