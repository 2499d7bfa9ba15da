import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-STATE-002",
  level: "error",
  title: "Storage accounts accept Entra ID only, no shared keys",
  explanation: "A storage account key opens everything in the account, never expires and leaves no trace of who used it; OIDC with Entra ID does.",
  fix: "Set shared_access_key_enabled = false and default_to_oauth_authentication = true; the backend uses use_azuread_auth and the provider storage_use_azuread.",
  controls: ["CKV2_AZURE_40"],
  check: (ctx) =>
    ctx.resources("azurerm_storage_account").map((r) => verdict(r, [r.body.shared_access_key_enabled !== false && "shared_access_key_enabled is not false"])),
});
