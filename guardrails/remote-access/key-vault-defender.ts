import { defenderPlanOn } from "../diagnostics";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-KV-003",
  level: "warning",
  title: "Defender for Key Vault is on where there are key vaults",
  explanation: "Defender for Key Vault raises alerts on unusual access to the vault that holds the gateway's certificate and the LDAP bind secret (an unknown address, a spike of reads).",
  fix: 'Keep defenderForCloud.keyVaults: true (azurerm_security_center_subscription_pricing resource_type "KeyVaults", tier "Standard").',
  controls: ["CKV_AZURE_87"],
  check: (ctx) => {
    const on = defenderPlanOn(ctx, "KeyVaults");
    return ctx.resources("azurerm_key_vault").map((r) => verdict(r, [!on && "Defender for Key Vault is not on for the subscription"]));
  },
});
