import { NsgRule } from "../../policies/remote-access/network-rules";
import { isInternetSource } from "../../guardrails/nsg";
import { awinguVmSize } from "../../policies/remote-access/sizing";
import { blocks, resourcesOf } from "../../stacks/synthesized";
import type { DocsContext } from "./context";
import { flowchart, MermaidEdge, MermaidNode, table } from "./markdown";

const ports = (r: NsgRule) => `${r.protocol === "*" ? "" : `${r.protocol} `}${r.ports.join(", ")}`;

type Subnet = "gateway" | "vm" | "bastion";

/** Why each NSG rule exists, in Dutch, by subnet and rule name (the rules' own descriptions are English). */
export const RULE_PURPOSE: Readonly<Record<Subnet, Readonly<Record<string, string>>>> = {
  gateway: {
    AllowHttpsFromInternet: "gebruikers bereiken Awingu via HTTPS, met de web application firewall ervoor",
    AllowHttpRedirectFromInternet: "alleen om door te sturen naar HTTPS (tenantbestand: gateway.httpRedirectFromInternet)",
    AllowGatewayManager: "nodig voor Application Gateway v2 (beheer door Azure)",
    AllowAzureLoadBalancer: "nodig voor Application Gateway v2 (gezondheidscontroles)",
  },
  vm: {
    AllowHttpsFromGateway: "verkeer van de gebruikers, alleen via de application gateway",
    AllowAdminFromBastion: "SSH en het Awingu-installatieprogramma, alleen via Azure Bastion",
    AllowLdapToDomainControllers: "gebruikers opzoeken in de Active Directory (LDAPS; LDAP 389 alleen met allowPlainLdap)",
    AllowKerberosToDomainControllers: "Kerberos en wachtwoord wijzigen",
    AllowDnsToDomainControllers: "DNS van de Active Directory",
    AllowNtp: "de juiste tijd (de domeincontrollers, tenzij ntpServers ingevuld is)",
    AllowSmbToFileServers: "gedeelde schijven (SMB)",
    AllowRdpToRdsHosts: "gepubliceerde programma's en bureaubladen (RDP)",
    AllowHttpsToInternet: "updates van Awingu (repo-pub.awingu.com), Azure Monitor en Azure Backup, via de NAT-gateway",
  },
  bastion: {
    AllowHttpsFromAdmins: "beheerders openen Bastion-sessies en tunnels",
    AllowGatewayManager: "nodig voor Azure Bastion (beheer door Azure)",
    AllowAzureLoadBalancer: "nodig voor Azure Bastion (gezondheidscontroles)",
    AllowBastionHostCommunication: "nodig voor Azure Bastion (verkeer tussen de Bastion-servers)",
    AllowSshRdpToVirtualNetwork: "nodig voor Azure Bastion (sessies naar de servers)",
    AllowInstallerTunnelToVm: "tunnel naar het Awingu-installatieprogramma",
    AllowAzureCloud: "nodig voor Azure Bastion (diagnose en verbruiksmeting)",
    AllowBastionCommunication: "nodig voor Azure Bastion (verkeer tussen de Bastion-servers)",
    AllowGetSessionInformation: "nodig voor Azure Bastion (sessie- en certificaatcontrole)",
  },
};

/** The rule's purpose in Dutch; the closing deny rules say the same in every subnet. */
export function rulePurpose(subnet: Subnet, r: NsgRule): string {
  if (r.name.startsWith("DenyAll")) return "al het andere wordt geweigerd";
  return RULE_PURPOSE[subnet][r.name] ?? r.description;
}

const DIRECTION: Record<NsgRule["direction"], string> = { Inbound: "inkomend", Outbound: "uitgaand" };
const ACCESS: Record<NsgRule["access"], string> = { Allow: "toegelaten", Deny: "geweigerd" };
const PORT_NAMES: Record<string, string> = { "443": "HTTPS", "80": "HTTP" };
const any = (xs: readonly string[]) => (xs.length === 1 && xs[0] === "*" ? "alle" : xs.join(", "));

/** Short notes for ports open to the internet that are not the HTTPS entrance itself. */
const INTERNET_NOTE: Record<string, string> = { AllowHttpRedirectFromInternet: "alleen om door te sturen naar HTTPS" };

/** What the internet reaches, in words, from the gateway's inbound Allow rules with source Internet. */
function fromInternet(rules: readonly NsgRule[]): string {
  const open = rules.filter((r) => r.direction === "Inbound" && r.access === "Allow" && r.sources.some(isInternetSource));
  const items = open.flatMap((r) =>
    r.ports.map((p) => `${PORT_NAMES[p] ?? r.protocol} (${p === "*" ? "alle poorten" : p}${INTERNET_NOTE[r.name] ? `, ${INTERNET_NOTE[r.name]}` : ""})`),
  );
  if (items.length === 0) return "Vanaf het internet staat niets open naar de application gateway";
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
  return `Vanaf het internet staat alleen ${list} open naar de application gateway met web application firewall`;
}

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

  const ruleTable = (title: string, subnet: Subnet) =>
    `### ${title}\n\n${table(
      ["prio", "richting", "toegang", "protocol", "van", "naar", "poorten", "waarom"],
      rules[subnet].map((r) => [
        r.priority,
        DIRECTION[r.direction],
        ACCESS[r.access],
        r.protocol === "*" ? "alle" : r.protocol,
        any(r.sources),
        any(r.destinations),
        any(r.ports),
        rulePurpose(subnet, r),
      ]),
    )}`;

  // who reaches the VM, from its inbound Allow rules; whether it has a public address, from the synthesized NICs
  const vmFrom = [
    ...new Set(
      allow(rules.vm, "Inbound").flatMap((r) =>
        r.sources.map((x) => (x === gatewaySubnet ? "de application gateway" : x === bastionSubnet ? "Azure Bastion" : x)),
      ),
    ),
  ];
  const vmPublicIp = resourcesOf(ctx.synthesized["remote-access"], "azurerm_network_interface").some((nic) =>
    blocks(nic.body.ip_configuration).some((c) => c.public_ip_address_id),
  );
  // SSH and the installer (22, 8080) reach the VM from Bastion only
  const adminOnlyViaBastion = allow(rules.vm, "Inbound")
    .filter((r) => r.ports.some((p) => p === "22" || p === "8080"))
    .every((r) => r.sources.every((x) => x === bastionSubnet));

  return `# Netwerk: de Awingu-werkplek

Medewerkers werken van thuis via de browser op https://${ra.hostname}. ${fromInternet(rules.gateway)}.
De Awingu-VM ${vmPublicIp ? "heeft een publiek IP-adres" : "heeft geen publiek IP-adres"} en is alleen bereikbaar vanuit ${vmFrom.join(" en ")}.
${adminOnlyViaBastion ? "Beheer (SSH, installatieprogramma) gaat uitsluitend via Azure Bastion. " : ""}Elke pijl hieronder is
een regel die verkeer toelaat; al het andere wordt geweigerd.

${diagram}

## Regels per subnet (NSG)

${ruleTable(`Application gateway (${gatewaySubnet})`, "gateway")}

${ruleTable(`Awingu-VM (${vmSubnet})`, "vm")}

${ruleTable(`Azure Bastion (${bastionSubnet})`, "bastion")}
`;
}
