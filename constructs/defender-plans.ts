import { Construct } from "constructs";
import { SecurityCenterSubscriptionPricing } from "@cdktf/provider-azurerm/lib/security-center-subscription-pricing";

export interface DefenderPlansProps {
  /** Defender for Servers plan on the subscription. @default - off (Free tier) */
  readonly servers?: "P1" | "P2";
  /** Defender for Key Vault, per-vault plan. @default false */
  readonly keyVaults?: boolean;
  /** Defender for Storage, per-storage-account plan (DefenderForStorageV2). @default false */
  readonly storageAccounts?: boolean;
}

/**
 * Microsoft Defender for Cloud plans of the provider's subscription (`azurerm_security_center_
 * subscription_pricing`, Standard tier). A plan left out is not managed (destroying one sets it
 * back to Free). No plan extension is declared, so the provider switches the plan's optional
 * extensions off (e.g. Defender for Storage's malware scanning, billed per GB scanned):
 * hashicorp/terraform-provider-azurerm internal/services/securitycenter/
 * security_center_subscription_pricing_resource.go, expandSecurityCenterSubscriptionPricingExtensions.
 * Sub-plan names: Defender for Cloud's pricing API (PerKeyVault, DefenderForStorageV2, P1, P2).
 */
export class DefenderPlans extends Construct {
  readonly plans: readonly SecurityCenterSubscriptionPricing[];

  constructor(scope: Construct, id: string, props: DefenderPlansProps) {
    super(scope, id);
    const plan = (resourceType: string, subplan: string) => new SecurityCenterSubscriptionPricing(this, resourceType, { tier: "Standard", resourceType, subplan });
    this.plans = [
      ...(props.servers ? [plan("VirtualMachines", props.servers)] : []),
      ...(props.keyVaults ? [plan("KeyVaults", "PerKeyVault")] : []),
      ...(props.storageAccounts ? [plan("StorageAccounts", "DefenderForStorageV2")] : []),
    ];
  }
}
