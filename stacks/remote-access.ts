import { Fn, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AppRoleAssignment } from "@cdktf/provider-azuread/lib/app-role-assignment";
import { Application } from "@cdktf/provider-azuread/lib/application";
import { ServicePrincipal } from "@cdktf/provider-azuread/lib/service-principal";
import { ServicePrincipalTokenSigningCertificate } from "@cdktf/provider-azuread/lib/service-principal-token-signing-certificate";
import { ApplicationGateway } from "@cdktf/provider-azurerm/lib/application-gateway";
import { BackupPolicyVm } from "@cdktf/provider-azurerm/lib/backup-policy-vm";
import { BastionHost } from "@cdktf/provider-azurerm/lib/bastion-host";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultCertificate } from "@cdktf/provider-azurerm/lib/key-vault-certificate";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { NatGateway } from "@cdktf/provider-azurerm/lib/nat-gateway";
import { NatGatewayPublicIpAssociation } from "@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association";
import { NetworkSecurityGroup } from "@cdktf/provider-azurerm/lib/network-security-group";
import { NetworkSecurityRule } from "@cdktf/provider-azurerm/lib/network-security-rule";
import { PublicIp } from "@cdktf/provider-azurerm/lib/public-ip";
import { RecoveryServicesVault } from "@cdktf/provider-azurerm/lib/recovery-services-vault";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { SubnetNatGatewayAssociation } from "@cdktf/provider-azurerm/lib/subnet-nat-gateway-association";
import { SubnetNetworkSecurityGroupAssociation } from "@cdktf/provider-azurerm/lib/subnet-network-security-group-association";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { WebApplicationFirewallPolicy } from "@cdktf/provider-azurerm/lib/web-application-firewall-policy";
import { GatewayVm } from "../constructs/gateway-vm";
import { cafName, keyVaultName } from "../constructs/naming";
import { firewallIpRules } from "../constructs/ip-ranges";
import { WerkplekStack, WerkplekStackProps } from "./werkplek-stack";
import { AwinguNetworkRules, awinguNetworkRules, NsgRule } from "../policies/remote-access/network-rules";
import { awinguVmSize } from "../policies/remote-access/sizing";
import type { RemoteAccess } from "../tenants/sections/remote-access";
import type { IdentityStack } from "./identity";

export interface RemoteAccessStackProps extends WerkplekStackProps {
  /** Gives the Log Analytics workspace and the Awingu users group. */
  readonly identity: IdentityStack;
}

/** Microsoft Default Rule Set for Application Gateway WAF (OWASP CRS based). */
const WAF_RULE_SET = { type: "Microsoft_DefaultRuleSet", version: "2.1" } as const;
/** TLS 1.2+ with strong ciphers only; the 2022 predefined policy. */
const TLS_POLICY = "AppGwSslPolicy20220101S";
/** Default access role of an application without app roles. */
const DEFAULT_ACCESS_ROLE = "00000000-0000-0000-0000-000000000000";
/** Built-in role names (Azure RBAC). */
const ROLE = { secretsUser: "Key Vault Secrets User", certificatesOfficer: "Key Vault Certificates Officer" } as const;

/**
 * `<tenant>-remote-access`: the Awingu gateway. Users reach it only over HTTPS through an
 * application gateway with WAF; admins only through Azure Bastion; the VM has no public IP and
 * reaches out only to the municipality's servers and, over HTTPS, the internet (NAT gateway).
 * Without `remoteAccess` in the tenant file the stack is empty.
 */
export class RemoteAccessStack extends WerkplekStack {
  /** Client id of the Awingu SAML enterprise application, for the app-scoped conditional access policy. */
  readonly awinguAppClientId?: string;
  readonly gatewayVm?: GatewayVm;
  /** The NSG rules per subnet, as synthesized (the docs draw the network from them). */
  readonly networkRules?: AwinguNetworkRules;

  constructor(scope: Construct, props: RemoteAccessStackProps) {
    super(scope, "remote-access", props);
    const t = this.tenant;
    const ra = t.remoteAccess;
    if (!ra) return;
    const loc = t.location;
    const name = (abbr: Parameters<typeof cafName>[0], workload: string) => cafName(abbr, t.name, workload);

    const rg = new ResourceGroup(this, "rg", { name: name("rg", "awingu"), location: loc });
    const rgName = rg.name;

    // Network: three subnets, each with its own NSG; the VM subnet egresses through a NAT gateway.
    const vnet = new VirtualNetwork(this, "vnet", {
      name: name("vnet", "awingu"),
      location: loc,
      resourceGroupName: rgName,
      addressSpace: [ra.network.addressSpace],
    });
    const subnet = (id: string, subnetName: string, prefix: string, extra: Partial<ConstructorParameters<typeof Subnet>[2]> = {}) =>
      new Subnet(this, id, {
        name: subnetName,
        resourceGroupName: rgName,
        virtualNetworkName: vnet.name,
        addressPrefixes: [prefix],
        ...extra,
      });
    // No subnet has default outbound access (Azure's implicit, unowned egress IP): the VM subnet
    // egresses through the NAT gateway; the gateway and Bastion subnets hold managed services whose
    // outbound connectivity the service manages ("private subnets aren't applicable to delegated or
    // managed subnets": MicrosoftDocs/azure-docs virtual-network/ip-services/default-outbound-access.md).
    const gatewaySubnet = subnet("snet-agw", name("snet", "agw"), ra.network.gatewaySubnet, {
      // The gateway reads its certificate from the Key Vault, which admits this subnet.
      serviceEndpoints: ["Microsoft.KeyVault"],
      defaultOutboundAccessEnabled: false,
    });
    const vmSubnet = subnet("snet-awingu", name("snet", "awingu"), ra.network.vmSubnet, {
      // No implicit internet access: egress only through the NAT gateway.
      defaultOutboundAccessEnabled: false,
    });
    const bastionSubnet = subnet("snet-bastion", "AzureBastionSubnet", ra.network.bastionSubnet, { defaultOutboundAccessEnabled: false });

    const adminSources = ra.bastion.allowedSourceRanges.length > 0 ? ra.bastion.allowedSourceRanges : t.trustedIpRanges.filter((r) => r.includes("."));
    const rules = awinguNetworkRules(ra, adminSources);
    this.networkRules = rules;
    this.nsg("agw", name("nsg", "agw"), rgName, gatewaySubnet, rules.gateway);
    this.nsg("awingu", name("nsg", "awingu"), rgName, vmSubnet, rules.vm);
    this.nsg("bastion", name("nsg", "bastion"), rgName, bastionSubnet, rules.bastion);

    const natIp = new PublicIp(this, "pip-ng", {
      name: name("pip", "ng-awingu"),
      location: loc,
      resourceGroupName: rgName,
      allocationMethod: "Static",
      sku: "Standard",
      zones: [ra.zone],
    });
    const nat = new NatGateway(this, "ng", {
      name: name("ng", "awingu"),
      location: loc,
      resourceGroupName: rgName,
      skuName: "Standard",
      zones: [ra.zone],
    });
    new NatGatewayPublicIpAssociation(this, "ng-pip", { natGatewayId: nat.id, publicIpAddressId: natIp.id });
    new SubnetNatGatewayAssociation(this, "snet-awingu-ng", { subnetId: vmSubnet.id, natGatewayId: nat.id });

    // Key Vault: RBAC, purge protection, firewall; holds the TLS certificate and the LDAP bind secret.
    const client = new DataAzurermClientConfig(this, "client");
    // IPv4 only, no private ranges (Key Vault refuses them), /32 as the address, /31 as two addresses.
    const kvAllowed = firewallIpRules([...t.trustedIpRanges, ...ra.keyVault.allowedIpRanges]);
    const kv = new KeyVault(this, "kv", {
      name: ra.keyVault.name ?? keyVaultName(t.name, "awingu"),
      location: loc,
      resourceGroupName: rgName,
      tenantId: t.tenantId,
      skuName: "standard",
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: 90,
      publicNetworkAccessEnabled: true,
      networkAcls: {
        defaultAction: "Deny",
        bypass: "AzureServices",
        ipRules: kvAllowed,
        virtualNetworkSubnetIds: [gatewaySubnet.id],
      },
      lifecycle: { preventDestroy: true },
    });
    new MonitorDiagnosticSetting(this, "kv-diagnostics", {
      name: "werkplek-audit",
      targetResourceId: kv.id,
      logAnalyticsWorkspaceId: props.identity.logAnalytics.id,
      enabledLog: [{ categoryGroup: "audit" }],
    });
    // The deploying identity creates the certificate (data plane).
    const deployerCertificates = new RoleAssignment(this, "kv-deployer-certificates", {
      scope: kv.id,
      roleDefinitionName: ROLE.certificatesOfficer,
      principalId: client.objectId,
    });
    // Self-signed so the first deploy completes; the real certificate is imported as a new version
    // of the same name (runbook). Terraform then leaves it alone.
    const certificate = new KeyVaultCertificate(this, "kv-certificate", {
      name: ra.keyVault.certificateName,
      keyVaultId: kv.id,
      certificatePolicy: {
        issuerParameters: { name: "Self" },
        keyProperties: { exportable: true, keyType: "RSA", keySize: 2048, reuseKey: false },
        secretProperties: { contentType: "application/x-pkcs12" },
        x509CertificateProperties: {
          subject: `CN=${ra.hostname}`,
          subjectAlternativeNames: { dnsNames: [ra.hostname] },
          keyUsage: ["digitalSignature", "keyEncipherment"],
          extendedKeyUsage: ["1.3.6.1.5.5.7.3.1"],
          validityInMonths: 12,
        },
        lifetimeAction: [{ action: { actionType: "AutoRenew" }, trigger: { daysBeforeExpiry: 30 } }],
      },
      lifecycle: { ignoreChanges: ["certificate_policy", "certificate"] },
      dependsOn: [deployerCertificates],
    });

    // Application gateway WAF_v2: HTTPS only to the VM, certificate from Key Vault via a user-assigned identity.
    const agwIdentity = new UserAssignedIdentity(this, "id-agw", { name: name("id", "agw-awingu"), location: loc, resourceGroupName: rgName });
    const agwSecrets = new RoleAssignment(this, "kv-agw-secrets", {
      scope: kv.id,
      roleDefinitionName: ROLE.secretsUser,
      principalId: agwIdentity.principalId,
      principalType: "ServicePrincipal",
    });
    const waf = new WebApplicationFirewallPolicy(this, "waf", {
      name: name("waf", "awingu"),
      location: loc,
      resourceGroupName: rgName,
      policySettings: {
        enabled: true,
        mode: "Prevention",
        requestBodyCheck: true,
        maxRequestBodySizeInKb: 128,
        fileUploadLimitInMb: 100,
      },
      managedRules: { managedRuleSet: [{ ...WAF_RULE_SET }] },
    });
    const agwIp = new PublicIp(this, "pip-agw", {
      name: name("pip", "agw-awingu"),
      location: loc,
      resourceGroupName: rgName,
      allocationMethod: "Static",
      sku: "Standard",
      zones: ["1", "2", "3"],
    });
    const vm = new GatewayVm(this, "vm", {
      name: name("vm", "awingu"),
      resourceGroupName: rgName,
      location: loc,
      zone: ra.zone,
      size: awinguVmSize(ra.concurrentUsers, ra.vmSize),
      subnetId: vmSubnet.id,
      image: ra.image,
      adminUsername: ra.adminUsername,
      sshPublicKey: ra.sshPublicKey,
      osDiskSizeGiB: ra.osDiskSizeGiB,
      trustedLaunch: ra.trustedLaunch,
      logAnalyticsWorkspaceId: props.identity.logAnalytics.id,
      nicName: name("nic", "awingu"),
      osDiskName: name("osdisk", "awingu"),
      dataCollectionRuleName: name("dcr", "awingu"),
      backup: this.backup(ra, name("rsv", "awingu"), rgName),
    });
    this.gatewayVm = vm;

    const n = {
      gatewayIp: "gateway-ip",
      frontendIp: "frontend-public",
      https: "https",
      http: "http",
      pool: "awingu",
      settings: "awingu-https",
      probe: "awingu-https",
      certificate: "awingu-tls",
      redirect: "http-to-https",
    };
    const agw = new ApplicationGateway(this, "agw", {
      name: name("agw", "awingu"),
      location: loc,
      resourceGroupName: rgName,
      zones: ["1", "2", "3"],
      sku: { name: "WAF_v2", tier: "WAF_v2" },
      autoscaleConfiguration: { minCapacity: ra.gateway.minCapacity, maxCapacity: Math.max(ra.gateway.maxCapacity, ra.gateway.minCapacity) },
      identity: { type: "UserAssigned", identityIds: [agwIdentity.id] },
      firewallPolicyId: waf.id,
      forceFirewallPolicyAssociation: true,
      // WebSockets run over HTTP/1.1; keep the frontend on HTTP/1.1 as well.
      enableHttp2: false,
      gatewayIpConfiguration: [{ name: n.gatewayIp, subnetId: gatewaySubnet.id }],
      frontendIpConfiguration: [{ name: n.frontendIp, publicIpAddressId: agwIp.id }],
      frontendPort: [
        { name: n.https, port: 443 },
        { name: n.http, port: 80 },
      ],
      sslCertificate: [{ name: n.certificate, keyVaultSecretId: certificate.versionlessSecretId }],
      sslPolicy: { policyType: "Predefined", policyName: TLS_POLICY },
      httpListener: [
        { name: n.https, frontendIpConfigurationName: n.frontendIp, frontendPortName: n.https, protocol: "Https", sslCertificateName: n.certificate, hostName: ra.hostname, requireSni: true },
        { name: n.http, frontendIpConfigurationName: n.frontendIp, frontendPortName: n.http, protocol: "Http", hostName: ra.hostname },
      ],
      redirectConfiguration: [{ name: n.redirect, redirectType: "Permanent", targetListenerName: n.https, includePath: true, includeQueryString: true }],
      backendAddressPool: [{ name: n.pool, ipAddresses: [vm.privateIpAddress] }],
      probe: [
        {
          name: n.probe,
          protocol: "Https",
          host: ra.hostname,
          path: ra.gateway.healthProbePath,
          interval: 30,
          timeout: 30,
          unhealthyThreshold: 3,
          match: { statusCode: ["200-399"] },
        },
      ],
      backendHttpSettings: [
        {
          name: n.settings,
          protocol: "Https",
          port: 443,
          // Awingu maps domains by host header: keep the public host name end to end.
          hostName: ra.hostname,
          probeName: n.probe,
          // Long-lived WebSocket sessions; affinity keeps a user on one node once there are several.
          requestTimeout: 86400,
          cookieBasedAffinity: "Enabled",
          affinityCookieName: "AwinguAffinity",
          connectionDraining: { enabled: true, drainTimeoutSec: 300 },
        },
      ],
      requestRoutingRule: [
        { name: n.https, ruleType: "Basic", priority: 100, httpListenerName: n.https, backendAddressPoolName: n.pool, backendHttpSettingsName: n.settings },
        { name: n.redirect, ruleType: "Basic", priority: 200, httpListenerName: n.http, redirectConfigurationName: n.redirect },
      ],
      dependsOn: [agwSecrets],
    });
    new MonitorDiagnosticSetting(this, "agw-diagnostics", {
      name: "werkplek-logs",
      targetResourceId: agw.id,
      logAnalyticsWorkspaceId: props.identity.logAnalytics.id,
      enabledLog: [{ categoryGroup: "allLogs" }],
    });

    // Azure Bastion Standard with native-client tunnelling: SSH and the installer on 8080.
    const bastionIp = new PublicIp(this, "pip-bastion", {
      name: name("pip", "bas-awingu"),
      location: loc,
      resourceGroupName: rgName,
      allocationMethod: "Static",
      sku: "Standard",
    });
    const bastion = new BastionHost(this, "bas", {
      name: name("bas", "awingu"),
      location: loc,
      resourceGroupName: rgName,
      sku: "Standard",
      tunnelingEnabled: true,
      shareableLinkEnabled: false,
      ipConnectEnabled: false,
      fileCopyEnabled: false,
      ipConfiguration: { name: "bastion", subnetId: bastionSubnet.id, publicIpAddressId: bastionIp.id },
    });
    // Who connected over the admin path, from where, to which VM (BastionAuditLogs).
    new MonitorDiagnosticSetting(this, "bas-diagnostics", {
      name: "werkplek-logs",
      targetResourceId: bastion.id,
      logAnalyticsWorkspaceId: props.identity.logAnalytics.id,
      enabledLog: [{ categoryGroup: "allLogs" }],
    });

    this.awinguAppClientId = this.samlApplication(ra, props.identity);

    new TerraformOutput(this, "gateway-public-ip", { value: agwIp.ipAddress, description: `point the DNS record ${ra.hostname} here` });
    new TerraformOutput(this, "vm-private-ip", { value: vm.privateIpAddress });
    // the name is cut to Key Vault's 24 characters: scripts and runbook read it from here
    new TerraformOutput(this, "key-vault-name", { value: kv.name });
    new TerraformOutput(this, "ldap-bind-secret-uri", {
      value: Fn.join("", [kv.vaultUri, "secrets/", ra.keyVault.ldapBindSecretName]),
      description: "set the value outside the code: az keyvault secret set --vault-name <vault> --name <name> --file <(read -s)",
    });
  }

  /** One NSG per subnet, its rules as separate resources (one per row of the policy table). */
  private nsg(id: string, nsgName: string, rgName: string, subnet: Subnet, rules: readonly NsgRule[]): NetworkSecurityGroup {
    const nsg = new NetworkSecurityGroup(this, `nsg-${id}`, { name: nsgName, location: this.tenant.location, resourceGroupName: rgName });
    for (const r of rules) {
      new NetworkSecurityRule(this, `nsg-${id}-${r.direction.toLowerCase()}-${r.name}`, {
        name: r.name,
        networkSecurityGroupName: nsg.name,
        resourceGroupName: rgName,
        priority: r.priority,
        direction: r.direction,
        access: r.access,
        protocol: r.protocol,
        description: r.description,
        sourcePortRange: "*",
        ...one("sourceAddressPrefix", "sourceAddressPrefixes", r.sources),
        ...one("destinationAddressPrefix", "destinationAddressPrefixes", r.destinations),
        ...one("destinationPortRange", "destinationPortRanges", r.ports),
      });
    }
    new SubnetNetworkSecurityGroupAssociation(this, `nsg-${id}-association`, { subnetId: subnet.id, networkSecurityGroupId: nsg.id });
    return nsg;
  }

  private backup(ra: RemoteAccess, vaultName: string, rgName: string) {
    const vault = new RecoveryServicesVault(this, "rsv", {
      name: vaultName,
      location: this.tenant.location,
      resourceGroupName: rgName,
      sku: "Standard",
      storageModeType: "ZoneRedundant",
      softDeleteEnabled: true,
      // Restore points cannot be deleted before their retention ends, nor retention shortened;
      // Locked (tenant file) makes that irreversible.
      immutability: ra.backup.immutability,
      identity: { type: "SystemAssigned" },
      lifecycle: { preventDestroy: true },
    });
    const policy = new BackupPolicyVm(this, "backup-policy", {
      name: "awingu-daily",
      // A Trusted Launch VM can only be protected by an Enhanced (V2) policy.
      policyType: ra.trustedLaunch ? "V2" : "V1",
      resourceGroupName: rgName,
      recoveryVaultName: vault.name,
      timezone: "Romance Standard Time",
      instantRestoreRetentionDays: 2,
      backup: { frequency: "Daily", time: ra.backup.time },
      retentionDaily: { count: ra.backup.dailyRetentionDays },
      retentionWeekly: ra.backup.weeklyRetentionWeeks > 0 ? { count: ra.backup.weeklyRetentionWeeks, weekdays: ["Sunday"] } : undefined,
    });
    return { recoveryVaultName: vault.name, resourceGroupName: rgName, backupPolicyId: policy.id };
  }

  /** The Awingu SAML enterprise application, open only to the Awingu users group. */
  private samlApplication(ra: RemoteAccess, identity: IdentityStack): string {
    const base = `https://${ra.hostname}`;
    const app = new Application(this, "awingu-app", {
      displayName: `Awingu - ${this.tenant.displayName}`,
      signInAudience: "AzureADMyOrg",
      identifierUris: [`${base}${ra.saml.identifierPath}`],
      web: { redirectUris: [`${base}${ra.saml.replyPath}`], homepageUrl: `${base}/` },
      featureTags: [{ enterprise: true, customSingleSignOn: true }],
      preventDuplicateNames: true,
      lifecycle: { preventDestroy: true },
    });
    const sp = new ServicePrincipal(this, "awingu-sp", {
      clientId: app.clientId,
      appRoleAssignmentRequired: true,
      preferredSingleSignOnMode: "saml",
      loginUrl: `${base}/`,
      featureTags: [{ enterprise: true, customSingleSignOn: true }],
      lifecycle: { preventDestroy: true },
    });
    // The SAML signing certificate: its private key stays in Entra ID.
    new ServicePrincipalTokenSigningCertificate(this, "awingu-saml-signing", {
      servicePrincipalId: sp.id,
      displayName: `CN=${ra.hostname}`,
    });
    new AppRoleAssignment(this, "awingu-users", {
      appRoleId: DEFAULT_ACCESS_ROLE,
      principalObjectId: identity.groups[ra.saml.usersGroup].objectId,
      resourceObjectId: sp.objectId,
    });
    return app.clientId;
  }
}

/** A single value goes into the singular field (service tags must), several into the plural one. */
function one<S extends string, P extends string>(single: S, plural: P, values: readonly string[]): { [K in S]?: string } & { [K in P]?: string[] } {
  return (values.length === 1 ? { [single]: values[0] } : { [plural]: [...values] }) as { [K in S]?: string } & { [K in P]?: string[] };
}

