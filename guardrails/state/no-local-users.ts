import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-STATE-008",
  level: "warning",
  title: "Storage accounts have no local (SFTP) users and no cross-tenant replication",
  explanation: "Local users carry their own passwords and keys outside Entra ID; cross-tenant replication copies data to a tenant the municipality does not control.",
  fix: "Set local_user_enabled = false and cross_tenant_replication_enabled = false.",
  controls: ["CKV_AZURE_244"],
  check: (ctx) =>
    ctx.resources("azurerm_storage_account").map((r) =>
      verdict(r, [
        r.body.local_user_enabled !== false && "local_user_enabled is not false (azurerm default: true)",
        r.body.cross_tenant_replication_enabled === true && "cross_tenant_replication_enabled is true",
      ]),
    ),
});
