import { admitsProtocol, allowsInboundFromInternet, coversPort, nsgRules } from "../nsg";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-NET-001",
  level: "error",
  title: "SSH is not open to the internet",
  explanation: "An SSH port open to the internet is scanned within minutes and brute-forced for as long as it stays open.",
  fix: "Remove the rule or narrow its source to the addresses that need it; administer the VM through Azure Bastion or the Awingu gateway, never an open port.",
  controls: ["CKV_AZURE_10"],
  check: (ctx) =>
    nsgRules(ctx).map(({ resource, rules }) =>
      verdict(
        resource,
        rules
          .filter(({ rule }) => allowsInboundFromInternet(rule) && admitsProtocol(rule, "Tcp") && coversPort(rule, 22))
          .map(({ name }) => `rule "${name}" allows SSH (port 22) from the internet`),
      ),
    ),
});
