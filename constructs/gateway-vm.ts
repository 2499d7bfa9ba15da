import { Construct } from "constructs";
import { ConfigurationError } from "./errors";
import { BackupProtectedVm } from "@cdktf/provider-azurerm/lib/backup-protected-vm";
import { LinuxVirtualMachine } from "@cdktf/provider-azurerm/lib/linux-virtual-machine";
import { MarketplaceAgreement } from "@cdktf/provider-azurerm/lib/marketplace-agreement";
import { MonitorDataCollectionRule } from "@cdktf/provider-azurerm/lib/monitor-data-collection-rule";
import { MonitorDataCollectionRuleAssociation } from "@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association";
import { NetworkInterface } from "@cdktf/provider-azurerm/lib/network-interface";
import { VirtualMachineExtension } from "@cdktf/provider-azurerm/lib/virtual-machine-extension";
import { sshPublicKeyProblem } from "./ssh-public-key";

/** A Marketplace image (URN parts), or an Azure Compute Gallery image id. */
export type GatewayVmImage =
  | {
      readonly source: "marketplace";
      readonly publisher: string;
      readonly offer: string;
      readonly sku: string;
      readonly version: string;
      /** The image carries a purchase plan: sets the VM's `plan` block (plan name = SKU). */
      readonly purchasePlan: boolean;
      /** Accept the plan's terms with `azurerm_marketplace_agreement` (subscription-wide). */
      readonly acceptTerms: boolean;
    }
  | { readonly source: "gallery"; readonly galleryImageId: string };

export interface GatewayVmBackup {
  readonly recoveryVaultName: string;
  readonly resourceGroupName: string;
  readonly backupPolicyId: string;
}

export interface GatewayVmProps {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Availability zone ("1", "2" or "3"); required, as AVM does, so the VM is never regional by accident. */
  readonly zone: string;
  /** VM size; it must support Premium disks and encryption at host. */
  readonly size: string;
  /** Subnet of the NIC. The VM gets no public IP. */
  readonly subnetId: string;
  readonly image: GatewayVmImage;
  readonly adminUsername: string;
  /** OpenSSH public key (ssh-ed25519 or ssh-rsa ≥2048). Password login is always off. */
  readonly sshPublicKey: string;
  /** @default 128 */
  readonly osDiskSizeGiB?: number;
  /**
   * Trusted Launch: Secure Boot and a virtual TPM. Needs a Generation 2 image that supports it
   * (learn.microsoft.com/azure/virtual-machines/trusted-launch); changing it replaces the VM
   * (`secure_boot_enabled`/`vtpm_enabled` are ForceNew in azurerm). Its backup policy must be an
   * Enhanced (V2) policy.
   * @default true
   */
  readonly trustedLaunch?: boolean;
  /** Log Analytics workspace the data collection rule sends to; the construct does not create it. */
  readonly logAnalyticsWorkspaceId: string;
  /** Recovery Services vault and VM policy that protect the VM. @default - not backed up */
  readonly backup?: GatewayVmBackup;
  /** @default - `nic-01-<name>` */
  readonly nicName?: string;
  /** @default - `osdisk-<name>` */
  readonly osDiskName?: string;
  /** @default - `dcr-<name>` */
  readonly dataCollectionRuleName?: string;
}

/**
 * A hardened Linux gateway VM (AVM defaults): no public IP, SSH key only with password login
 * disabled, encryption at host, Trusted Launch (Secure Boot, vTPM), Premium SSD, managed boot
 * diagnostics, a zone, a system-assigned identity, periodic assessment for missing updates; the
 * Azure Monitor agent with a data collection rule (syslog and performance counters) into a given
 * Log Analytics workspace, and optional Azure Backup protection.
 *
 * Extensions stay allowed (Checkov CKV_AZURE_50 is deliberately not met): the Monitor agent and
 * Azure Backup are extensions.
 */
export class GatewayVm extends Construct {
  readonly vm: LinuxVirtualMachine;
  readonly nic: NetworkInterface;
  readonly dataCollectionRule: MonitorDataCollectionRule;
  readonly marketplaceAgreement?: MarketplaceAgreement;
  readonly protectedVm?: BackupProtectedVm;

  constructor(scope: Construct, id: string, props: GatewayVmProps) {
    super(scope, id);
    const keyProblem = sshPublicKeyProblem(props.sshPublicKey);
    if (keyProblem) throw new ConfigurationError(`gateway VM ${props.name}: sshPublicKey ${keyProblem}`);
    if (!["1", "2", "3"].includes(props.zone)) throw new ConfigurationError(`gateway VM ${props.name}: zone "${props.zone}" must be 1, 2 or 3`);
    const { image } = props;

    this.nic = new NetworkInterface(this, "Nic", {
      name: props.nicName ?? `nic-01-${props.name}`,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      ipForwardingEnabled: false,
      ipConfiguration: [{ name: "ipconfig1", subnetId: props.subnetId, privateIpAddressAllocation: "Dynamic", primary: true }],
    });

    const plan = image.source === "marketplace" && image.purchasePlan;
    if (image.source === "marketplace" && image.purchasePlan && image.acceptTerms) {
      this.marketplaceAgreement = new MarketplaceAgreement(this, "MarketplaceAgreement", {
        publisher: image.publisher,
        offer: image.offer,
        plan: image.sku,
      });
    }

    this.vm = new LinuxVirtualMachine(this, "Resource", {
      name: props.name,
      computerName: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      zone: props.zone,
      size: props.size,
      networkInterfaceIds: [this.nic.id],
      adminUsername: props.adminUsername,
      adminSshKey: [{ username: props.adminUsername, publicKey: props.sshPublicKey.trim() }],
      disablePasswordAuthentication: true,
      encryptionAtHostEnabled: true,
      osDisk: {
        name: props.osDiskName ?? `osdisk-${props.name}`,
        caching: "ReadWrite",
        storageAccountType: "Premium_LRS",
        diskSizeGb: props.osDiskSizeGiB ?? 128,
      },
      sourceImageReference:
        image.source === "marketplace" ? { publisher: image.publisher, offer: image.offer, sku: image.sku, version: image.version } : undefined,
      sourceImageId: image.source === "gallery" ? image.galleryImageId : undefined,
      plan: plan ? { name: image.sku, product: image.offer, publisher: image.publisher } : undefined,
      identity: { type: "SystemAssigned" },
      // Managed storage account: no storage account of ours to secure.
      bootDiagnostics: {},
      provisionVmAgent: true,
      allowExtensionOperations: true,
      // A vendor appliance is patched through its own update channel, not by Azure; Azure Update
      // Manager only checks for missing updates every 24 hours (needs the VM agent, provisioned above).
      patchMode: "ImageDefault",
      patchAssessmentMode: "AutomaticByPlatform",
      secureBootEnabled: props.trustedLaunch ?? true,
      vtpmEnabled: props.trustedLaunch ?? true,
      dependsOn: this.marketplaceAgreement ? [this.marketplaceAgreement] : undefined,
    });

    const agent = new VirtualMachineExtension(this, "MonitorAgent", {
      name: "AzureMonitorLinuxAgent",
      virtualMachineId: this.vm.id,
      publisher: "Microsoft.Azure.Monitor",
      type: "AzureMonitorLinuxAgent",
      typeHandlerVersion: "1.0",
      autoUpgradeMinorVersion: true,
      automaticUpgradeEnabled: true,
    });

    this.dataCollectionRule = new MonitorDataCollectionRule(this, "DataCollectionRule", {
      name: props.dataCollectionRuleName ?? `dcr-${props.name}`,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      kind: "Linux",
      destinations: { logAnalytics: [{ name: "log-analytics", workspaceResourceId: props.logAnalyticsWorkspaceId }] },
      dataSources: {
        syslog: [
          {
            name: "syslog",
            streams: ["Microsoft-Syslog"],
            facilityNames: ["auth", "authpriv", "daemon", "kern", "syslog", "user"],
            logLevels: ["Warning", "Error", "Critical", "Alert", "Emergency"],
          },
        ],
        performanceCounter: [
          {
            name: "performance",
            streams: ["Microsoft-Perf"],
            samplingFrequencyInSeconds: 60,
            counterSpecifiers: [
              "Processor(*)\\% Processor Time",
              "Memory(*)\\% Used Memory",
              "Logical Disk(*)\\% Used Space",
              "Network(*)\\Total Bytes Transmitted",
              "Network(*)\\Total Bytes Received",
            ],
          },
        ],
      },
      dataFlow: [{ streams: ["Microsoft-Syslog", "Microsoft-Perf"], destinations: ["log-analytics"] }],
    });
    new MonitorDataCollectionRuleAssociation(this, "DataCollectionRuleAssociation", {
      name: `dcra-${props.name}`,
      targetResourceId: this.vm.id,
      dataCollectionRuleId: this.dataCollectionRule.id,
      dependsOn: [agent],
    });

    if (props.backup) {
      this.protectedVm = new BackupProtectedVm(this, "Backup", {
        recoveryVaultName: props.backup.recoveryVaultName,
        resourceGroupName: props.backup.resourceGroupName,
        sourceVmId: this.vm.id,
        backupPolicyId: props.backup.backupPolicyId,
      });
    }
  }

  /** The VM's private IP, the application gateway's backend. */
  get privateIpAddress(): string {
    return this.nic.privateIpAddress;
  }
}
