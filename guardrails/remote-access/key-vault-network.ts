import { defineRule, verdict } from "../rule";
import { block } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-KV-002",
  level: "warning",
  title: "Key vaults are not open to every network",
  explanation: "A vault reachable from anywhere depends on its access policies alone; a firewall or private endpoint limits who can even try.",
  fix: 'Set public_network_access_enabled = false (private endpoint) or network_acls { default_action = "Deny", bypass = "AzureServices" }.',
  controls: ["CKV_AZURE_109", "CKV_AZURE_189"],
  check: (ctx) =>
    ctx.resources("azurerm_key_vault").map((r) =>
      verdict(r, [
        r.body.public_network_access_enabled !== false &&
          block(r.body.network_acls).default_action !== "Deny" &&
          "public network access is on without network_acls default_action Deny",
      ]),
    ),
});
