import { defineRule, verdict } from "../rule";

const MODERN = ["TLS1_2", "TLS1_3"];

export default defineRule({
  id: "WP-STATE-003",
  level: "error",
  title: "Storage accounts take HTTPS with TLS 1.2 or later only",
  explanation: "State and logs travel between CI runners and Azure; plain HTTP or old TLS exposes them on the way.",
  fix: 'Keep https_traffic_only_enabled = true and min_tls_version = "TLS1_2" (both azurerm 4 defaults; do not override them).',
  controls: ["CKV_AZURE_3", "CKV_AZURE_44"],
  check: (ctx) =>
    ctx.resources("azurerm_storage_account").map((r) =>
      verdict(r, [
        r.body.https_traffic_only_enabled === false && "https_traffic_only_enabled is false",
        r.body.min_tls_version !== undefined && !MODERN.includes(r.body.min_tls_version) && `min_tls_version is ${r.body.min_tls_version}`,
      ]),
    ),
});
