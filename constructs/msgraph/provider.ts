import * as cdktf from "cdktf";
import { Construct } from "constructs";
import { AttributeTable, MSGRAPH_PROVIDER_SOURCE, MSGRAPH_VERSION_CONSTRAINT } from "./base";

/**
 * microsoft/msgraph provider settings. Authentication comes from the environment (ARM_* and the
 * GitHub OIDC variables); no secret is ever a property here.
 */
export interface MsGraphProviderConfig {
  /** Entra ID tenant id. */
  readonly tenantId: string;
  /** Authenticate with an OIDC token (GitHub Actions). @default - the provider's default (false); ARM_USE_OIDC applies */
  readonly useOidc?: boolean;
  /** Use the Azure CLI login. @default - the provider's default (true) */
  readonly useCli?: boolean;
  /** Use a managed identity. @default false */
  readonly useMsi?: boolean;
  /** The Microsoft cloud. @default - the provider's default ("global"); ARM_ENVIRONMENT applies */
  readonly environment?: "global" | "usgovernmentl4" | "usgovernmentl5" | "china";
  /** Provider alias. @default - the default provider */
  readonly alias?: string;
}

export const MSGRAPH_PROVIDER_ATTRIBUTES: AttributeTable<MsGraphProviderConfig> = {
  tenantId: { tf: "tenant_id", kind: "string" },
  useOidc: { tf: "use_oidc", kind: "bool" },
  useCli: { tf: "use_cli", kind: "bool" },
  useMsi: { tf: "use_msi", kind: "bool" },
  environment: { tf: "environment", kind: "string" },
  alias: { tf: "alias", kind: "string" },
};

export class MsGraphProvider extends cdktf.TerraformProvider {
  constructor(scope: Construct, id: string, private readonly config: MsGraphProviderConfig) {
    super(scope, id, {
      terraformResourceType: "msgraph",
      terraformGeneratorMetadata: { providerName: "msgraph", providerVersionConstraint: MSGRAPH_VERSION_CONSTRAINT },
      terraformProviderSource: MSGRAPH_PROVIDER_SOURCE,
    });
    this.alias = config.alias;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(MSGRAPH_PROVIDER_ATTRIBUTES) as (keyof MsGraphProviderConfig)[]) {
      if (k === "alias") continue; // emitted by TerraformProvider itself
      const v = this.config[k];
      if (v !== undefined) out[MSGRAPH_PROVIDER_ATTRIBUTES[k]!.tf] = v;
    }
    return out;
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.synthesizeAttributes())) {
      out[k] = { value: v, isBlock: false, type: "simple", storageClassType: typeof v === "boolean" ? "boolean" : "string" };
    }
    return out;
  }
}
