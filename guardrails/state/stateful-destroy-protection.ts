import { defineRule, verdict } from "../rule";
import { preventsDestroy } from "../synthesized";

const TYPES = ["azurerm_storage_account", "azurerm_key_vault", "azurerm_log_analytics_workspace"];

export default defineRule({
  id: "WP-STATE-006",
  level: "error",
  title: "State storage, key vaults and log workspaces are protected against destroy",
  explanation: "Destroying the state account loses every stack's state; destroying a key vault or workspace loses certificates and the audit trail.",
  fix: "Set lifecycle.prevent_destroy = true; remove it only in a reviewed change of its own.",
  controls: ["CKV2_AZURE_38", "CKV_AZURE_42"],
  check: (ctx) =>
    TYPES.flatMap((t) => ctx.resources(t)).map((r) => verdict(r, [!preventsDestroy(r) && `${r.body.name ?? r.name} has no lifecycle.prevent_destroy`])),
});
