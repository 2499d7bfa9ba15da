import { defineRule, verdict } from "../rule";
import { block } from "../../stacks/synthesized";

const MODERN_PREDEFINED = ["AppGwSslPolicy20220101", "AppGwSslPolicy20220101S"];
const MODERN_MIN = ["TLSv1_2", "TLSv1_3"];

export default defineRule({
  id: "WP-NET-006",
  level: "warning",
  title: "The application gateway allows TLS 1.2 and later only",
  explanation: "TLS 1.0 and 1.1 are broken and no longer allowed by any baseline; older default policies of the gateway still accept them.",
  fix: `Set ssl_policy { policy_type = "Predefined", policy_name = "${MODERN_PREDEFINED[0]}" } (or CustomV2 with min_protocol_version "TLSv1_2").`,
  controls: ["CKV_AZURE_218"],
  check: (ctx) =>
    ctx.resources("azurerm_application_gateway").map((r) => {
      const p = block(r.body.ssl_policy);
      const ok = (p.policy_type === "Predefined" && MODERN_PREDEFINED.includes(p.policy_name)) || MODERN_MIN.includes(p.min_protocol_version);
      return verdict(r, [!ok && `ssl_policy is ${Object.keys(p).length ? JSON.stringify(p) : "not set"}`]);
    }),
});
