import { defineRule, verdict } from "../rule";
import { blocks } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-VM-003",
  level: "warning",
  title: "VM network interfaces have no public IP",
  explanation: "The gateway VM is reached through the application gateway; a public IP on the VM itself bypasses the WAF.",
  fix: "Remove public_ip_address_id from the NIC's ip_configuration; publish through the application gateway.",
  controls: ["CKV_AZURE_119", "CKV2_AZURE_39"],
  check: (ctx) =>
    ctx.resources("azurerm_network_interface").map((r) =>
      verdict(
        r,
        blocks(r.body.ip_configuration)
          .filter((c) => c.public_ip_address_id)
          .map((c) => `ip_configuration "${c.name}" has a public IP`),
      ),
    ),
});
