import { gatewaySubnets, subnetNsgs } from "../nsg";
import { defineRule, verdict } from "../rule";
import { blocks } from "../../stacks/synthesized";

/** Subnets Azure does not let an NSG be associated with. */
const NO_NSG_POSSIBLE = new Set(["GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet"]);

export default defineRule({
  id: "WP-NET-008",
  level: "error",
  title: "Every subnet except the application gateway's has a network security group",
  explanation:
    "A subnet without an NSG accepts whatever the virtual network and peerings route to it; a VM added to it later is reachable on every port. The NSG's deny-all rule is the default that makes each opening explicit.",
  fix: "Add an azurerm_subnet_network_security_group_association for the subnet with an NSG that ends in a DenyAllInbound rule (the remote-access stack does this for each of its subnets).",
  controls: ["CKV2_AZURE_31"],
  check: (ctx) => {
    const associated = subnetNsgs(ctx);
    const gateway = gatewaySubnets(ctx);
    const separate = ctx.resources("azurerm_subnet").map((r) =>
      verdict(r, [
        !associated.has(`${r.stack}/${r.address}`) &&
          !gateway.has(`${r.stack}/${r.address}`) &&
          !NO_NSG_POSSIBLE.has(String(r.body.name)) &&
          `subnet ${r.body.name ?? r.name} has no azurerm_subnet_network_security_group_association`,
      ]),
    );
    const inline = ctx.resources("azurerm_virtual_network").map((r) =>
      verdict(
        r,
        blocks(r.body.subnet)
          .filter((s) => !s.security_group && !NO_NSG_POSSIBLE.has(String(s.name)))
          .map((s) => `inline subnet ${s.name} has no security_group`),
      ),
    );
    return [...separate, ...inline];
  },
});
