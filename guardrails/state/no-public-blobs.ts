import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-STATE-001",
  level: "error",
  title: "Storage accounts and containers allow no anonymous (public) blob access",
  explanation: "Terraform state holds every resource's attributes, sometimes secrets; one public container publishes it to the internet. azurerm allows public nested items unless told otherwise.",
  fix: 'Set allow_nested_items_to_be_public = false on the storage account and container_access_type = "private" on containers.',
  controls: ["CKV_AZURE_190", "CKV2_AZURE_47", "CKV_AZURE_34", "CKV_AZURE_59"],
  check: (ctx) => [
    ...ctx.resources("azurerm_storage_account").map((r) =>
      verdict(r, [r.body.allow_nested_items_to_be_public !== false && "allow_nested_items_to_be_public is not false (azurerm default: true)"]),
    ),
    ...ctx.resources("azurerm_storage_container").map((r) => {
      const access = r.body.container_access_type ?? "private";
      return verdict(r, [access !== "private" && `container_access_type is ${access}`]);
    }),
  ],
});
