import { defineRule, verdict } from "../rule";
import { block } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-STATE-005",
  level: "warning",
  title: "Storage accounts are not open to every network",
  explanation: "Entra ID authentication protects the data; a network restriction also stops password-spray and token-replay attempts from anywhere.",
  fix: 'Set public_network_access_enabled = false (private endpoint) or network_rules { default_action = "Deny", bypass = ["AzureServices"], ip_rules = [runner and admin ranges] }.',
  controls: ["CKV_AZURE_35", "CKV_AZURE_59", "CKV2_AZURE_33"],
  check: (ctx) =>
    ctx.resources("azurerm_storage_account").map((r) =>
      verdict(r, [
        r.body.public_network_access_enabled !== false &&
          block(r.body.network_rules).default_action !== "Deny" &&
          "public network access is on without network_rules default_action Deny",
      ]),
    ),
});
