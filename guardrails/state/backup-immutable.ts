import { defineRule, verdict } from "../rule";

const TYPES = ["azurerm_recovery_services_vault", "azurerm_data_protection_backup_vault"];

export default defineRule({
  id: "WP-STATE-009",
  level: "warning",
  title: "Backup vaults are immutable",
  explanation:
    "In an immutable vault no one, an attacker with the deploying identity included, can delete restore points before their retention ends or shorten the retention; ransomware then cannot take the backups with it.",
  fix: 'Set immutability = "Unlocked" (or "Locked", irreversible; remoteAccess.backup.immutability).',
  controls: ["PSRule Azure.RSV.Immutable"],
  check: (ctx) =>
    TYPES.flatMap((t) => ctx.resources(t)).map((r) =>
      verdict(r, [!["Unlocked", "Locked"].includes(String(r.body.immutability)) && `immutability is ${JSON.stringify(r.body.immutability ?? "Disabled")}, not Unlocked or Locked`]),
    ),
});
