import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { firewallIpRules } from "../constructs/ip-ranges";
import { cafName, storageAccountName } from "../constructs/naming";
import { WerkplekStack, WerkplekStackProps } from "./werkplek-stack";
import type { Tenant } from "../tenants/schema";

/** Where the state lives: the tenant file's `state`, or the CAF defaults when it has none yet. */
export function stateLocation(t: Tenant): { resourceGroupName: string; storageAccountName: string; containerName: string } {
  return {
    resourceGroupName: t.state?.resourceGroupName ?? cafName("rg", t.name, "state"),
    storageAccountName: t.state?.storageAccountName ?? storageAccountName(t.name, "tfstate"),
    containerName: t.state?.containerName ?? "tfstate",
  };
}

/**
 * `<tenant>-state`: the storage account every other stack keeps its state in. It keeps its own
 * state locally (it has to exist before a backend can use it). Hardened: TLS 1.2, HTTPS only,
 * Entra ID auth only (shared keys off), nothing public, versioning and soft delete, double
 * encryption, zone-redundant, a firewall, a CanNotDelete lock and prevent_destroy.
 */
export class StateStack extends WerkplekStack {
  readonly storageAccount: StorageAccount;

  constructor(scope: Construct, props: WerkplekStackProps) {
    super(scope, "state", props);
    const t = this.tenant;
    const where = stateLocation(t);
    const retentionDays = t.state?.softDeleteRetentionDays ?? 30;
    // The storage firewall takes public IPv4 only, no /31 or /32: trustedIpRanges (also used for the
    // named location) are converted or left out; state.allowedIpRanges is validated to fit as written.
    const allowed = firewallIpRules([...t.trustedIpRanges, ...(t.state?.allowedIpRanges ?? [])]);

    const rg = new ResourceGroup(this, "rg", { name: where.resourceGroupName, location: t.location, lifecycle: { preventDestroy: true } });
    this.storageAccount = new StorageAccount(this, "storage", {
      name: where.storageAccountName,
      resourceGroupName: rg.name,
      location: t.location,
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: "ZRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      localUserEnabled: false,
      sftpEnabled: false,
      crossTenantReplicationEnabled: false,
      infrastructureEncryptionEnabled: true,
      publicNetworkAccessEnabled: true,
      networkRules: {
        defaultAction: "Deny",
        bypass: ["AzureServices"],
        ipRules: allowed,
      },
      blobProperties: {
        versioningEnabled: true,
        changeFeedEnabled: true,
        deleteRetentionPolicy: { days: retentionDays },
        containerDeleteRetentionPolicy: { days: retentionDays },
      },
      sasPolicy: { expirationPeriod: "00.01:00:00", expirationAction: "Log" },
      lifecycle: { preventDestroy: true },
    });
    new StorageContainer(this, "container", {
      name: where.containerName,
      storageAccountId: this.storageAccount.id,
      containerAccessType: "private",
      lifecycle: { preventDestroy: true },
    });
    new ManagementLock(this, "lock", {
      name: "werkplek-state-cannot-delete",
      scope: this.storageAccount.id,
      lockLevel: "CanNotDelete",
      notes: "Terraform state of every werkplek stack of this tenant",
    });
    // With shared keys off, the backend authenticates with Entra ID: the deploying identity needs blob data access.
    const client = new DataAzurermClientConfig(this, "client");
    new RoleAssignment(this, "deployer-blob-data", {
      scope: this.storageAccount.id,
      roleDefinitionName: "Storage Blob Data Owner",
      principalId: client.objectId,
    });

    new TerraformOutput(this, "state-backend", { value: where, description: "copy into the tenant file's `state:` to move every stack onto this account" });
  }
}

/** Azure resource id of the state account's blob service, from its names (it lives in another stack). */
export function stateBlobServiceId(t: Tenant): string {
  const where = stateLocation(t);
  return `/subscriptions/${t.subscriptionId}/resourceGroups/${where.resourceGroupName}/providers/Microsoft.Storage/storageAccounts/${where.storageAccountName}/blobServices/default`;
}

/**
 * Logs every read, write and delete of the state blobs (StorageRead/Write/Delete: who read the
 * state) into the tenant's Log Analytics workspace. It is declared in the stack that holds the
 * workspace (`<tenant>-identity`), not in the state stack: the state stack is applied first, by
 * hand, before that workspace exists. The identity stack therefore depends on the state stack.
 */
export function logStateBlobs(stack: TerraformStack, state: StateStack, t: Tenant, logAnalyticsWorkspaceId: string): MonitorDiagnosticSetting {
  stack.addDependency(state);
  return new MonitorDiagnosticSetting(stack, "state-blob-diagnostics", {
    name: "werkplek-state-audit",
    targetResourceId: stateBlobServiceId(t),
    logAnalyticsWorkspaceId,
    enabledLog: [{ categoryGroup: "allLogs" }],
  });
}
