import { loggingSettings, targets } from "../diagnostics";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-STATE-010",
  level: "warning",
  title: "Reads of the state blobs are logged",
  explanation: "Terraform state holds the tenant's configuration and some secrets in clear text; without blob logs nobody sees who read it.",
  fix: "Add an azurerm_monitor_diagnostic_setting on the account's blob service (<account id>/blobServices/default) with enabled_log category_group allLogs (or StorageRead) to Log Analytics; the identity stack does this for the state account.",
  controls: ["CKV2_AZURE_21", "MCSB LT-3"],
  check: (ctx) => {
    const settings = loggingSettings(ctx, ["allLogs", "StorageRead"]);
    const state = ctx.stacks.find((s) => s.area === "state");
    return ctx
      .resources("azurerm_storage_account")
      .filter((r) => r.stack === state?.name)
      .map((r) => {
        const byId = `/storageAccounts/${String(r.body.name)}/blobServices/default`.toLowerCase();
        const logged = settings.some((s) => targets(s, r, "/blobServices/default") || String(s.body.target_resource_id).toLowerCase().endsWith(byId));
        return verdict(r, [!logged && `no diagnostic setting logs the blob service of ${r.body.name ?? r.name}`]);
      });
  },
});
