import { defineRule, verdict } from "../rule";
import { block } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-NET-004",
  level: "error",
  title: "The application gateway runs a WAF in prevention mode",
  explanation: "The Awingu portal is the municipality's door to the internet; a WAF in detection mode only logs the attacks it sees.",
  fix: 'Use sku tier "WAF_v2" with firewall_policy_id pointing to an azurerm_web_application_firewall_policy whose policy_settings has enabled = true and mode = "Prevention".',
  controls: ["CKV_AZURE_120", "CKV_AZURE_122"],
  check: (ctx) => [
    ...ctx.resources("azurerm_application_gateway").map((r) => {
      const sku = block(r.body.sku);
      const waf = block(r.body.waf_configuration);
      const hasPolicy = typeof r.body.firewall_policy_id === "string" && r.body.firewall_policy_id !== "";
      const inlineOn = waf.enabled === true && waf.firewall_mode === "Prevention";
      return verdict(r, [
        !String(sku.tier ?? "").startsWith("WAF") && `sku tier is ${sku.tier ?? "not set"}, not WAF_v2`,
        !hasPolicy && !inlineOn && "no WAF policy (firewall_policy_id) and no waf_configuration in Prevention mode",
      ]);
    }),
    ...ctx.resources("azurerm_web_application_firewall_policy").map((r) => {
      const s = block(r.body.policy_settings);
      return verdict(r, [s.enabled === false && "policy_settings.enabled is false", s.mode !== undefined && s.mode !== "Prevention" && `policy_settings.mode is ${s.mode}`]);
    }),
  ],
});
