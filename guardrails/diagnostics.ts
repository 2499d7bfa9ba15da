/** Diagnostic settings and Defender for Cloud plans, as the guardrail rules read them. */
import type { RuleContext } from "./rule";
import { blocks, type TfResource } from "../stacks/synthesized";

const DESTINATIONS = ["log_analytics_workspace_id", "storage_account_id", "eventhub_authorization_rule_id", "partner_solution_id"];

/**
 * The diagnostic settings that send resource logs somewhere: a destination, and an enabled log
 * that is one of `logs` (a category group such as allLogs, or a category such as StorageRead).
 */
export function loggingSettings(ctx: RuleContext, logs: readonly string[]): TfResource[] {
  return ctx
    .resources("azurerm_monitor_diagnostic_setting")
    .filter((d) => DESTINATIONS.some((k) => typeof d.body[k] === "string" && d.body[k].length > 0))
    .filter((d) => blocks(d.body.enabled_log).some((l) => logs.includes(String(l.category_group ?? l.category))));
}

/** Whether a diagnostic setting targets `resource` (`${type.name.id}<suffix>` in the same stack). */
export function targets(setting: TfResource, resource: TfResource, suffix = ""): boolean {
  return setting.stack === resource.stack && setting.body.target_resource_id === `\${${resource.address}.id}${suffix}`;
}

/** The subscription's Defender for Cloud plan for a resource type, when it is on (Standard tier). */
export function defenderPlanOn(ctx: RuleContext, resourceType: string): TfResource | undefined {
  return ctx.resources("azurerm_security_center_subscription_pricing").find((p) => p.body.resource_type === resourceType && p.body.tier === "Standard");
}
