/**
 * Network security rules from both shapes azurerm allows: inline `security_rule` blocks of
 * `azurerm_network_security_group`, and separate `azurerm_network_security_rule` resources.
 */
import { isPrivateIpv4 } from "../constructs/ip-ranges";
import type { RuleContext } from "./rule";
import { blocks, Json, referenceOf, strings, TfResource } from "../stacks/synthesized";

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

const ANY_SOURCE = new Set(["*", "any", "internet", "0.0.0.0", "0.0.0.0/0", "::/0", "::", "<nw>/0", "/0"]);

/**
 * A source that means the internet: `*`, `Any`, `Internet`, `0.0.0.0/0`, `::/0`, and any CIDR of
 * /8 or wider (`0.0.0.0/1`, `0.0.0.0/4`, `11.0.0.0/8`) except a private range like 10.0.0.0/8.
 */
export function isInternetSource(source: string): boolean {
  const s = source.trim().toLowerCase();
  if (ANY_SOURCE.has(s)) return true;
  const m = /^([0-9a-f.:]+)\/(\d{1,3})$/.exec(s);
  if (!m) return false;
  const prefix = Number(m[2]);
  if (prefix > 8) return false;
  return m[1].includes(":") || !isPrivateIpv4(s);
}

/** An inbound Allow rule whose source is the internet (see isInternetSource). */
export function allowsInboundFromInternet(rule: Json): boolean {
  if (String(rule.direction ?? "").toLowerCase() !== "inbound" || String(rule.access ?? "").toLowerCase() !== "allow") return false;
  const sources = [...strings(rule.source_address_prefix), ...strings(rule.source_address_prefixes)];
  return sources.some(isInternetSource);
}

/** The rule's protocol admits `protocol` (Tcp, Udp). */
export function admitsProtocol(rule: Json, protocol: "Tcp" | "Udp"): boolean {
  const p = String(rule.protocol ?? "*").toLowerCase();
  return p === "*" || p === protocol.toLowerCase();
}

/** The rule's destination ports include `port`. */
export function coversPort(rule: Json, port: number): boolean {
  const ranges = [...strings(rule.destination_port_range), ...strings(rule.destination_port_ranges)];
  return ranges.some((r) => {
    if (r === "*") return true;
    const [lo, hi] = r.split("-").map((x) => Number(x.trim()));
    return hi === undefined || Number.isNaN(hi) ? lo === port : lo <= port && port <= hi;
  });
}

/** `${type.name.attr}` → `type.name` (a reference to another resource of the same stack), else undefined. */
export function referencedAddress(v: unknown, type: string): string | undefined {
  const ref = referenceOf(v);
  return ref && ref.type === type && (ref.attribute === "id" || ref.attribute === "name") ? `${ref.type}.${ref.name}` : undefined;
}

/** `<stack>/<type.name>`: addresses are unique within a stack only. */
const key = (stack: string, address: string) => `${stack}/${address}`;

/** The subnets (`<stack>/azurerm_subnet.<name>`) application gateways are deployed into. */
export function gatewaySubnets(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const agw of ctx.resources("azurerm_application_gateway")) {
    for (const ip of blocks(agw.body.gateway_ip_configuration)) {
      const subnet = referencedAddress(ip.subnet_id, "azurerm_subnet");
      if (subnet) out.add(key(agw.stack, subnet));
    }
  }
  return out;
}

/** Subnet-to-NSG associations as `<stack>/azurerm_subnet.<name>` → `<stack>/azurerm_network_security_group.<name>`. */
export function subnetNsgs(ctx: RuleContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of ctx.resources("azurerm_subnet_network_security_group_association")) {
    const subnet = referencedAddress(a.body.subnet_id, "azurerm_subnet");
    const nsg = referencedAddress(a.body.network_security_group_id, "azurerm_network_security_group");
    if (subnet) out.set(key(a.stack, subnet), nsg ? key(a.stack, nsg) : "");
  }
  return out;
}

/** The NSGs (`<stack>/azurerm_network_security_group.<name>`) associated with an application gateway's subnet. */
export function gatewayNsgs(ctx: RuleContext): Set<string> {
  const bySubnet = subnetNsgs(ctx);
  return new Set([...gatewaySubnets(ctx)].map((s) => bySubnet.get(s)).filter((n): n is string => !!n));
}

/** The NSG (`<stack>/azurerm_network_security_group.<name>`) a rule belongs to: its own resource, or the one `network_security_group_name` names. */
export function nsgOfRule(ctx: RuleContext, r: NsgRule): string | undefined {
  const { resource } = r;
  if (resource.type === "azurerm_network_security_group") return key(resource.stack, resource.address);
  const ref = referencedAddress(resource.body.network_security_group_name, "azurerm_network_security_group");
  if (ref) return key(resource.stack, ref);
  const byName = ctx.resources("azurerm_network_security_group").find((n) => n.stack === resource.stack && n.body.name === resource.body.network_security_group_name);
  return byName ? key(byName.stack, byName.address) : undefined;
}
