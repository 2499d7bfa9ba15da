import { loggingSettings, targets } from "../diagnostics";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-NET-010",
  level: "warning",
  title: "Azure Bastion logs who connected",
  explanation: "Bastion is the admin path to the gateway VM; without its audit log nobody can tell afterwards who connected, from where, to which VM.",
  fix: "Add an azurerm_monitor_diagnostic_setting for the Bastion host with enabled_log category_group allLogs (or the BastionAuditLogs category) to the Log Analytics workspace.",
  controls: ["MCSB LT-3"],
  check: (ctx) => {
    const settings = loggingSettings(ctx, ["allLogs", "audit", "BastionAuditLogs"]);
    return ctx.resources("azurerm_bastion_host").map((r) => verdict(r, [!settings.some((s) => targets(s, r)) && `Bastion ${r.body.name ?? r.name} has no diagnostic setting that keeps its audit log`]));
  },
});
