import { AzurermBackend, Aspects, DataTerraformRemoteStateLocal, LocalBackend, TerraformRemoteState, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzureadProvider } from "@cdktf/provider-azuread/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { PROVIDERS } from "../facts/providers";
import { MsGraphProvider } from "../constructs/msgraph/provider";
import { TenantTags } from "../constructs/tags";
import type { Tenant } from "../tenants/schema";

/**
 * The areas a tenant is split into, in deploy order; each is one stack `<tenant>-<area>` with its
 * own state. Conditional access comes last: it scopes a policy to the Awingu application that
 * the remote-access stack registers.
 */
export const AREAS = ["state", "identity", "collaboration", "devices", "remote-access", "conditional-access"] as const;
export type Area = (typeof AREAS)[number];

export function stackName(tenant: string, area: Area): string {
  return `${tenant}-${area}`;
}

export interface WerkplekStackProps {
  readonly tenant: Tenant;
}

/**
 * A stack of one tenant: the azurerm, azuread and msgraph providers for that tenant, the state
 * backend, and the tenant's tags on every Azure resource. Credentials never appear here: the
 * providers read ARM_* and the GitHub OIDC variables from the environment.
 */
export abstract class WerkplekStack extends TerraformStack {
  readonly tenant: Tenant;
  readonly area: Area;

  protected constructor(scope: Construct, area: Area, props: WerkplekStackProps) {
    super(scope, stackName(props.tenant.name, area));
    const { tenant } = props;
    this.tenant = tenant;
    this.area = area;

    new AzurermProvider(this, "azurerm", {
      // Replacing or removing a backed-up VM stops its protection but keeps its restore points:
      // the vault is immutable, which forbids deleting them early (remote-access stack).
      features: [{ recoveryService: [{ vmBackupStopProtectionAndRetainDataOnDestroy: true }] }],
      subscriptionId: tenant.subscriptionId,
      tenantId: tenant.tenantId,
      storageUseAzuread: true,
    });
    new AzureadProvider(this, "azuread", { tenantId: tenant.tenantId });
    new MsGraphProvider(this, "msgraph", { tenantId: tenant.tenantId });
    // cdktf's prebuilt azurerm binding writes the short source "azurerm", which OpenTofu and lock
    // file tooling misread: every source in full and every version exact, as the lock file pins
    // them, through the stack's public override (cdktf deep-merges it into required_providers).
    this.addOverride("terraform.required_providers", PROVIDERS);

    // The state stack bootstraps the remote backend, so it always keeps its own state locally.
    if (tenant.state && area !== "state") {
      new AzurermBackend(this, {
        resourceGroupName: tenant.state.resourceGroupName,
        storageAccountName: tenant.state.storageAccountName,
        containerName: tenant.state.containerName,
        key: `${this.node.id}.tfstate`,
        subscriptionId: tenant.subscriptionId,
        tenantId: tenant.tenantId,
        useOidc: true,
        useAzureadAuth: true,
      });
    } else {
      new StackLocalBackend(this, { path: `terraform.${this.node.id}.tfstate` });
    }

    Aspects.of(this).add(new TenantTags({ ...tenant.tags, managedBy: "werkplek", tenant: tenant.name }));
  }
}

/**
 * Local state next to each stack (`cdktf.out/stacks/<stack>/terraform.<stack>.tfstate`). A stack
 * that reads another stack's outputs finds that state in the sibling folder; cdktf's LocalBackend
 * would hand the consumer its own relative path, which does not exist in the consumer's folder.
 */
class StackLocalBackend extends LocalBackend {
  getRemoteStateDataSource(scope: Construct, name: string, fromStack: string): TerraformRemoteState {
    return new DataTerraformRemoteStateLocal(scope, name, {
      path: `../${fromStack}/terraform.${fromStack}.tfstate`,
      workspace: "${terraform.workspace}",
    });
  }
}
