import { allowsInboundFromInternet, gatewayNsgs, nsgOfRule, nsgRules } from "../nsg";
import { strings } from "../../stacks/synthesized";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-NET-007",
  level: "error",
  title: "Only TCP 443 (and 80 when the tenant opts in) is open from the internet, and only on the application gateway subnet's NSG",
  explanation:
    "The application gateway with its WAF is the one door from the internet: every other open port or subnet bypasses the WAF and TLS policy. Application Gateway v2 also needs GatewayManager on 65200-65535 and AzureLoadBalancer; those service tags are not the internet and are allowed.",
  fix: 'Remove the rule or narrow its source to named ranges; publish services through the application gateway on TCP 443. TCP 80 is allowed only with remoteAccess.gateway.httpRedirectFromInternet: true (HTTP→HTTPS redirect).',
  controls: ["CKV_AZURE_9", "CKV_AZURE_10", "CKV_AZURE_160", "CKV_AZURE_77"],
  check: (ctx) => {
    const gateway = gatewayNsgs(ctx);
    const allowed = ctx.tenant.remoteAccess?.gateway.httpRedirectFromInternet ? ["443", "80"] : ["443"];
    return nsgRules(ctx).map(({ resource, rules }) =>
      verdict(
        resource,
        rules
          .filter(({ rule }) => allowsInboundFromInternet(rule))
          .map((r) => {
            const nsg = nsgOfRule(ctx, r);
            if (!nsg || !gateway.has(nsg)) return `rule "${r.name}" allows traffic from the internet on an NSG that is not the application gateway subnet's`;
            const ports = [...strings(r.rule.destination_port_range), ...strings(r.rule.destination_port_ranges)];
            const protocol = String(r.rule.protocol ?? "*");
            const bad = ports.filter((p) => !allowed.includes(p.trim()));
            if (protocol.toLowerCase() !== "tcp" || ports.length === 0 || bad.length > 0) {
              return `rule "${r.name}" allows ${protocol} ${ports.join(", ") || "(no port)"} from the internet; only TCP ${allowed.join(" and ")} may be open on the gateway`;
            }
            return undefined;
          }),
      ),
    );
  },
});
