import { NsgRule } from "../../policies/remote-access/network-rules";
import { awinguVmSize } from "../../policies/remote-access/sizing";
import { DocsContext } from "./context";
import { flowchart, MermaidEdge, MermaidNode, table } from "./markdown";

const ports = (r: NsgRule) => `${r.protocol === "*" ? "" : `${r.protocol} `}${r.ports.join(", ")}`;

/**
 * The Awingu network drawn from the NSG rules the remote-access stack synthesizes: every arrow is
 * an Allow rule, labelled with its ports.
 */
export function networkPage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const ra = t.remoteAccess;
  const rules = ctx.stacks.remoteAccess.networkRules;
  if (!ra || !rules) {
    return `# Netwerk\n\nDeze gemeente heeft geen Awingu-werkplek (geen \`remoteAccess\` in \`tenants/${t.name}.yaml\`).\n`;
  }
  const { gatewaySubnet, vmSubnet, bastionSubnet } = ra.network;
  const internal: [string, string, readonly string[]][] = [
    ["dc", "Domeincontrollers", ra.domainControllers],
    ["fs", "Bestandsservers", ra.fileServers],
    ["rds", "RDS-servers", ra.rdsHosts],
    ["ntp", "Tijdservers (NTP)", ra.ntpServers],
  ];
  const nodeFor = (address: string): string | undefined => {
    if (address === "Internet") return "internet";
    if (address === gatewaySubnet) return "agw";
    if (address === bastionSubnet) return "bas";
    return internal.find(([, , ips]) => ips.includes(address))?.[0];
  };

  const edges: MermaidEdge[] = [];
  const allow = (list: readonly NsgRule[], direction: NsgRule["direction"]) => list.filter((r) => r.access === "Allow" && r.direction === direction);
  for (const r of allow(rules.gateway, "Inbound").filter((x) => x.sources.includes("Internet"))) edges.push({ from: "users", to: "agw", label: `${ports(r)} (WAF)` });
  for (const r of allow(rules.vm, "Inbound")) {
    for (const from of new Set(r.sources.map(nodeFor).filter((x): x is string => !!x))) edges.push({ from, to: "vm", label: ports(r) });
  }
  for (const r of allow(rules.vm, "Outbound")) {
    for (const to of new Set(r.destinations.map(nodeFor).filter((x): x is string => !!x))) {
      edges.push(to === "internet" ? { from: "vm", to: "ng", label: `${ports(r)} updates` } : { from: "vm", to, label: ports(r) });
    }
  }
  if (allow(rules.bastion, "Inbound").some((r) => r.name === "AllowHttpsFromAdmins")) edges.push({ from: "admins", to: "bas", label: "Tcp 443" });
  edges.push({ from: "ng", to: "internet", dotted: true });

  const nodes: MermaidNode[] = [
    { id: "users", label: "Medewerkers en raadsleden (browser, thuis)", shape: "round" },
    { id: "admins", label: "ICT-beheerders", shape: "round" },
    { id: "internet", label: "Internet", shape: "round" },
    ...internal.filter(([, , ips]) => ips.length > 0).map(([id, label, ips]) => ({ id, label: `${label} ${ips.join(", ")}`, shape: "db" as const })),
  ];
  const diagram = flowchart("LR", nodes, edges, [
    { id: "snet_agw", label: `snet-agw ${gatewaySubnet}`, nodes: [{ id: "agw", label: `Application Gateway WAF_v2 (${ra.hostname})` }] },
    { id: "snet_vm", label: `snet-awingu ${vmSubnet}`, nodes: [{ id: "vm", label: `Awingu VM ${awinguVmSize(ra.concurrentUsers, ra.vmSize)}` }, { id: "ng", label: "NAT-gateway", shape: "hex" }] },
    { id: "snet_bas", label: `AzureBastionSubnet ${bastionSubnet}`, nodes: [{ id: "bas", label: "Azure Bastion" }] },
  ]);

  const ruleTable = (title: string, list: readonly NsgRule[]) =>
    `### ${title}\n\n${table(
      ["prio", "richting", "toegang", "protocol", "van", "naar", "poorten", "waarom"],
      list.map((r) => [r.priority, r.direction, r.access, r.protocol, r.sources.join(", "), r.destinations.join(", "), r.ports.join(", "), r.description]),
    )}`;

  return `# Netwerk: de Awingu-werkplek

Medewerkers werken van thuis via de browser op https://${ra.hostname}. Alleen HTTPS (443) naar
de application gateway met web application firewall staat open op het internet; de Awingu-VM
heeft geen publiek IP-adres. Beheer gaat uitsluitend via Azure Bastion. Elke pijl hieronder is
een regel die verkeer toelaat; al het andere wordt geweigerd.

${diagram}

## Regels per subnet (NSG)

${ruleTable(`Application gateway (${gatewaySubnet})`, rules.gateway)}

${ruleTable(`Awingu-VM (${vmSubnet})`, rules.vm)}

${ruleTable(`Azure Bastion (${bastionSubnet})`, rules.bastion)}
`;
}
