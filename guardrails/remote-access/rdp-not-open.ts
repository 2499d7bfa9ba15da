import { admitsProtocol, allowsInboundFromInternet, coversPort, nsgRules } from "../nsg";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-NET-002",
  level: "error",
  title: "RDP is not open to the internet",
  explanation: "Open RDP is the most common way into a network for ransomware crews.",
  fix: "Remove the rule or narrow its source to the addresses that need it; administer the VM through Azure Bastion or the Awingu gateway, never an open port.",
  controls: ["CKV_AZURE_9"],
  check: (ctx) =>
    nsgRules(ctx).map(({ resource, rules }) =>
      verdict(
        resource,
        rules
          .filter(({ rule }) => allowsInboundFromInternet(rule) && admitsProtocol(rule, "Tcp") && coversPort(rule, 3389))
          .map(({ name }) => `rule "${name}" allows RDP (port 3389) from the internet`),
      ),
    ),
});
