import { admitsProtocol, allowsInboundFromInternet, nsgRules } from "../nsg";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-NET-003",
  level: "warning",
  title: "No UDP is open to the internet",
  explanation: "UDP services exposed to the internet are used for amplification attacks and rarely needed by the gateway.",
  fix: "Remove the rule or narrow its source and ports; the Awingu gateway needs only HTTPS (TCP 443).",
  controls: ["CKV_AZURE_77"],
  check: (ctx) =>
    nsgRules(ctx).map(({ resource, rules }) =>
      verdict(
        resource,
        rules.filter(({ rule }) => allowsInboundFromInternet(rule) && admitsProtocol(rule, "Udp")).map(({ name }) => `rule "${name}" allows UDP from the internet`),
      ),
    ),
});
