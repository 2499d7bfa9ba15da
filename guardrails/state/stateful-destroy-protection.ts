import { defineRule, verdict } from "../rule";
import { preventsDestroy } from "../../stacks/synthesized";

const TYPES = ["azurerm_storage_account", "azurerm_key_vault", "azurerm_log_analytics_workspace", "azurerm_recovery_services_vault", "azurerm_data_protection_backup_vault"];

export default defineRule({
  id: "WP-STATE-006",
  level: "error",
  title: "State storage, key vaults, log workspaces and backup vaults are protected against destroy",
  explanation: "Destroying the state account loses every stack's state; destroying a key vault or workspace loses certificates and the audit trail; destroying a recovery services (or backup) vault loses the VM's restore points.",
  fix: "Set lifecycle.prevent_destroy = true; remove it only in a reviewed change of its own.",
  controls: ["CKV2_AZURE_38", "CKV_AZURE_42"],
  check: (ctx) =>
    TYPES.flatMap((t) => ctx.resources(t)).map((r) => verdict(r, [!preventsDestroy(r) && `${r.body.name ?? r.name} has no lifecycle.prevent_destroy`])),
});
