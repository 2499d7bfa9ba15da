/**
 * Network security rules from both shapes azurerm allows: inline `security_rule` blocks of
 * `azurerm_network_security_group`, and separate `azurerm_network_security_rule` resources.
 */
import type { RuleContext } from "./rule";
import { blocks, Json, list, TfResource } from "./synthesized";

export interface NsgRule {
  readonly resource: TfResource;
  readonly rule: Json;
  readonly name: string;
}

export function nsgRules(ctx: RuleContext): { resource: TfResource; rules: NsgRule[] }[] {
  const inline = ctx.resources("azurerm_network_security_group").map((resource) => ({
    resource,
    rules: blocks(resource.body.security_rule).map((rule) => ({ resource, rule, name: String(rule.name ?? "") })),
  }));
  const separate = ctx.resources("azurerm_network_security_rule").map((resource) => ({
    resource,
    rules: [{ resource, rule: resource.body, name: String(resource.body.name ?? resource.name) }],
  }));
  return [...inline, ...separate];
}

const ANY_SOURCE = new Set(["*", "any", "internet", "0.0.0.0", "0.0.0.0/0", "::/0", "<nw>/0", "/0"]);

/** An inbound Allow rule whose source is the whole internet. */
export function allowsInboundFromInternet(rule: Json): boolean {
  if (String(rule.direction ?? "").toLowerCase() !== "inbound" || String(rule.access ?? "").toLowerCase() !== "allow") return false;
  const sources = [...list(rule.source_address_prefix), ...list(rule.source_address_prefixes)];
  return sources.some((s) => ANY_SOURCE.has(s.toLowerCase()));
}

/** The rule's protocol admits `protocol` (Tcp, Udp). */
export function admitsProtocol(rule: Json, protocol: "Tcp" | "Udp"): boolean {
  const p = String(rule.protocol ?? "*").toLowerCase();
  return p === "*" || p === protocol.toLowerCase();
}

/** The rule's destination ports include `port`. */
export function coversPort(rule: Json, port: number): boolean {
  const ranges = [...list(rule.destination_port_range), ...list(rule.destination_port_ranges)];
  return ranges.some((r) => {
    if (r === "*") return true;
    const [lo, hi] = r.split("-").map((x) => Number(x.trim()));
    return hi === undefined || Number.isNaN(hi) ? lo === port : lo <= port && port <= hi;
  });
}
