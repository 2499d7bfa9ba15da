/**
 * NSG rules of the Awingu network, one table per subnet. Only the gateway subnet takes traffic
 * from the internet, and only HTTPS 443 (plus what Application Gateway v2 itself needs:
 * GatewayManager 65200-65535 and AzureLoadBalancer). SSH and the Awingu installer (8080) are
 * reachable only from Azure Bastion; Bastion only from the admins' ranges.
 *
 * Sources: Parallels KB 129612 (Awingu connectivity), learn.microsoft.com application-gateway
 * configuration-infrastructure and bastion-nsg. Checkov CKV_AZURE_9/10/77/160 (no RDP, SSH, UDP,
 * HTTP from the internet) hold for every rule here unless httpRedirectFromInternet is set.
 */
import type { RemoteAccess } from "../../tenants/sections/remote-access";

export interface NsgRule {
  readonly name: string;
  readonly priority: number;
  readonly direction: "Inbound" | "Outbound";
  readonly access: "Allow" | "Deny";
  readonly protocol: "Tcp" | "Udp" | "*";
  /** Address prefixes or one service tag (Internet, GatewayManager, AzureLoadBalancer, ...). */
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly ports: readonly string[];
  readonly description: string;
}

export interface AwinguNetworkRules {
  readonly gateway: readonly NsgRule[];
  readonly vm: readonly NsgRule[];
  readonly bastion: readonly NsgRule[];
}

const ANY = ["*"];
const denyAll = (direction: "Inbound" | "Outbound"): NsgRule => ({
  name: `DenyAll${direction}`,
  priority: 4096,
  direction,
  access: "Deny",
  protocol: "*",
  sources: ANY,
  destinations: ANY,
  ports: ANY,
  description: "everything not allowed above",
});

/** `adminSources`: the Bastion source ranges, already defaulted to the tenant's trusted ranges. */
export function awinguNetworkRules(ra: RemoteAccess, adminSources: readonly string[]): AwinguNetworkRules {
  const { gatewaySubnet, vmSubnet, bastionSubnet } = ra.network;
  const dcs = ra.domainControllers;
  const ntp = ra.ntpServers.length > 0 ? ra.ntpServers : dcs;
  const vmOut = (name: string, priority: number, protocol: NsgRule["protocol"], destinations: readonly string[], ports: string[], description: string): NsgRule => ({
    name, priority, direction: "Outbound", access: "Allow", protocol, sources: [vmSubnet], destinations, ports, description,
  });

  const gateway: NsgRule[] = [
    { name: "AllowHttpsFromInternet", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: ["Internet"], destinations: ANY, ports: ["443"], description: "users reach Awingu over HTTPS (WAF in front)" },
    ...(ra.gateway.httpRedirectFromInternet
      ? [{ name: "AllowHttpRedirectFromInternet", priority: 110, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: ["Internet"], destinations: ANY, ports: ["80"], description: "only redirects to HTTPS (tenant file: gateway.httpRedirectFromInternet)" } as NsgRule]
      : []),
    { name: "AllowGatewayManager", priority: 120, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: ["GatewayManager"], destinations: ANY, ports: ["65200-65535"], description: "required by Application Gateway v2 (infrastructure health)" },
    { name: "AllowAzureLoadBalancer", priority: 130, direction: "Inbound", access: "Allow", protocol: "*", sources: ["AzureLoadBalancer"], destinations: ANY, ports: ANY, description: "required by Application Gateway v2 (health probes)" },
    denyAll("Inbound"),
  ];

  const vm: NsgRule[] = [
    { name: "AllowHttpsFromGateway", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: [gatewaySubnet], destinations: [vmSubnet], ports: ["443"], description: "user traffic, only through the application gateway" },
    { name: "AllowAdminFromBastion", priority: 110, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: [bastionSubnet], destinations: [vmSubnet], ports: ["22", "8080"], description: "SSH and the Awingu installer, only through Azure Bastion" },
    denyAll("Inbound"),
    vmOut("AllowLdapToDomainControllers", 100, "Tcp", dcs, ra.allowPlainLdap ? ["389", "636"] : ["636"], "user connector (LDAPS; LDAP 389 only if allowPlainLdap)"),
    vmOut("AllowKerberosToDomainControllers", 110, "*", dcs, ["88", "464"], "Kerberos and password change"),
    vmOut("AllowDnsToDomainControllers", 120, "*", dcs, ["53"], "AD DNS"),
    vmOut("AllowNtp", 130, "Udp", ntp, ["123"], "time (the domain controllers unless ntpServers is set)"),
    ...(ra.fileServers.length > 0 ? [vmOut("AllowSmbToFileServers", 140, "Tcp", ra.fileServers, ["445"], "published drives (SMB)")] : []),
    vmOut("AllowRdpToRdsHosts", 150, "Tcp", ra.rdsHosts, ["3389"], "published apps and desktops (RDP)"),
    vmOut("AllowHttpsToInternet", 160, "Tcp", ["Internet"], ["443"], "appliance updates (repo-pub.awingu.com), Azure Monitor and Backup, through the NAT gateway"),
    denyAll("Outbound"),
  ];

  // The rules Azure Bastion requires on its subnet (bastion-nsg), with the internet narrowed to the admins.
  const bastion: NsgRule[] = [
    { name: "AllowHttpsFromAdmins", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: adminSources, destinations: ANY, ports: ["443"], description: "admins open Bastion sessions and tunnels" },
    { name: "AllowGatewayManager", priority: 110, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: ["GatewayManager"], destinations: ANY, ports: ["443"], description: "required by Azure Bastion (control plane)" },
    { name: "AllowAzureLoadBalancer", priority: 120, direction: "Inbound", access: "Allow", protocol: "Tcp", sources: ["AzureLoadBalancer"], destinations: ANY, ports: ["443"], description: "required by Azure Bastion (health probes)" },
    { name: "AllowBastionHostCommunication", priority: 130, direction: "Inbound", access: "Allow", protocol: "*", sources: ["VirtualNetwork"], destinations: ["VirtualNetwork"], ports: ["8080", "5701"], description: "required by Azure Bastion (data plane)" },
    denyAll("Inbound"),
    { name: "AllowSshRdpToVirtualNetwork", priority: 100, direction: "Outbound", access: "Allow", protocol: "*", sources: ANY, destinations: ["VirtualNetwork"], ports: ["22", "3389"], description: "required by Azure Bastion (sessions to targets)" },
    { name: "AllowInstallerTunnelToVm", priority: 105, direction: "Outbound", access: "Allow", protocol: "Tcp", sources: ANY, destinations: [vmSubnet], ports: ["8080"], description: "native-client tunnel to the Awingu installer" },
    { name: "AllowAzureCloud", priority: 110, direction: "Outbound", access: "Allow", protocol: "Tcp", sources: ANY, destinations: ["AzureCloud"], ports: ["443"], description: "required by Azure Bastion (diagnostics, metering)" },
    { name: "AllowBastionCommunication", priority: 120, direction: "Outbound", access: "Allow", protocol: "*", sources: ["VirtualNetwork"], destinations: ["VirtualNetwork"], ports: ["8080", "5701"], description: "required by Azure Bastion (data plane)" },
    { name: "AllowGetSessionInformation", priority: 130, direction: "Outbound", access: "Allow", protocol: "*", sources: ANY, destinations: ["Internet"], ports: ["80"], description: "required by Azure Bastion (session and certificate validation)" },
  ];

  return { gateway, vm, bastion };
}
