import { defineRule, verdict } from "../rule";
import { blocks } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-NET-009",
  level: "warning",
  title: "Subnets have no default outbound access",
  explanation:
    "With default outbound access a VM reaches the internet through an IP address Azure picks and may change, which no firewall rule or log of the municipality can name; Azure retires it for new networks. A VM subnet egresses through its NAT gateway instead; subnets of managed services (application gateway, Bastion) are unaffected.",
  fix: "Set default_outbound_access_enabled = false on the subnet (and give VMs that need the internet a NAT gateway).",
  controls: ["Azure Policy 7bca8353-aa3b-429b-904a-9229c4385837 (Subnets should be private)"],
  check: (ctx) => [
    ...ctx.resources("azurerm_subnet").map((r) => verdict(r, [r.body.default_outbound_access_enabled !== false && `subnet ${r.body.name ?? r.name} keeps default outbound access`])),
    ...ctx.resources("azurerm_virtual_network").flatMap((r) => {
      const inline = blocks(r.body.subnet);
      return inline.length ? [verdict(r, inline.filter((s) => s.default_outbound_access_enabled !== false).map((s) => `inline subnet ${s.name} keeps default outbound access`))] : [];
    }),
  ],
});
