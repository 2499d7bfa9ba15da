import { defenderPlanOn } from "../diagnostics";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-STATE-011",
  level: "warning",
  title: "Defender for Storage is on where there are storage accounts",
  explanation: "Defender for Storage raises alerts on unusual access to the state storage account (an unknown address, a Tor exit node, unusual reads of the state).",
  fix: 'Keep defenderForCloud.storageAccounts: true (azurerm_security_center_subscription_pricing resource_type "StorageAccounts", tier "Standard").',
  controls: ["CKV_AZURE_84"],
  check: (ctx) => {
    const on = defenderPlanOn(ctx, "StorageAccounts");
    return ctx.resources("azurerm_storage_account").map((r) => verdict(r, [!on && "Defender for Storage is not on for the subscription"]));
  },
});
