import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-KV-001",
  level: "error",
  title: "Key vaults have purge protection",
  explanation: "Without purge protection a deleted vault and its certificates can be purged at once, by mistake or by an attacker, and the gateway loses its TLS certificate.",
  fix: "Set purge_protection_enabled = true and keep soft_delete_retention_days at 7 or more (default 90).",
  controls: ["CKV_AZURE_110", "CKV_AZURE_42"],
  check: (ctx) =>
    ctx.resources("azurerm_key_vault").map((r) =>
      verdict(r, [
        r.body.purge_protection_enabled !== true && "purge_protection_enabled is not true",
        typeof r.body.soft_delete_retention_days === "number" && r.body.soft_delete_retention_days < 7 && "soft_delete_retention_days is below 7",
      ]),
    ),
});
