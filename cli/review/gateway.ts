/**
 * The one door from the internet the guardrails permit: guardrail WP-NET-007 (TCP 443, and 80
 * when the tenant opts in, on the application gateway subnet's NSG). The review asks that rule
 * itself whether an NSG rule is the door, so the diff and the guardrails share one model of it.
 */
import internetOnlyHttpsToGateway from "../../guardrails/remote-access/internet-only-https-to-gateway";
import type { RuleContext } from "../../guardrails/rule";
import { contextFor } from "../../guardrails/run";
import type { Tenant } from "../../tenants/schema";
import { JsonObject, tenantOf } from "../../stacks/synthesized";
import type { StackSet } from "./stack-set";

/** True when `rule` (one NSG rule of the resource `address` in `stack`) is what WP-NET-007 permits from the internet. */
export type InternetPermitted = (stack: string, address: string, rule: JsonObject) => boolean;

export const NOTHING_PERMITTED: InternetPermitted = () => false;

/** WP-NET-007 over the tenant's stacks of `set`, asked about one rule at a time. */
export function gatewayDoor(set: StackSet, tenant: Tenant): InternetPermitted {
  const stacks = Object.values(set.stacks).filter((s) => s.area && tenantOf(s.name) === tenant.name);
  const ctx = contextFor(tenant, stacks);
  return (stack, address, rule) => {
    // An NSG with inline rules is judged as a whole: narrow it to the one rule asked about.
    const narrowed: RuleContext = {
      ...ctx,
      resources: (type) =>
        ctx.resources(type).map((r) =>
          type === "azurerm_network_security_group" && r.stack === stack && r.address === address ? { ...r, body: { ...r.body, security_rule: [rule] } } : r,
        ),
    };
    return internetOnlyHttpsToGateway.check(narrowed).some((o) => o.stack === stack && o.resource === address && o.ok);
  };
}
