import * as cdktf from "cdktf";
import { Construct } from "constructs";

/**
 * Terraform's built-in `terraform_data` resource. cdktf's own `DataResource` adds a validation
 * that runs `terraform version` at synth time; synthesis here must work where no terraform binary
 * exists (tests, the PR job before terraform is set up), so this binding declares the same
 * resource without that check. CI pins terraform ≥ 1.4, which `terraform_data` needs.
 */
export interface TerraformDataConfig extends cdktf.TerraformMetaArguments {
  /** A value stored in state; a change plans an update. @default - none */
  readonly input?: { [key: string]: string };
  /** A change replaces the resource (and so re-runs its provisioners). @default - none */
  readonly triggersReplace?: { [key: string]: string };
}

export class TerraformData extends cdktf.TerraformResource {
  static readonly tfResourceType = "terraform_data";

  constructor(scope: Construct, id: string, private readonly config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: TerraformData.tfResourceType,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      input: cdktf.hashMapper(cdktf.stringToTerraform)(this.config.input),
      triggers_replace: cdktf.hashMapper(cdktf.stringToTerraform)(this.config.triggersReplace),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const attr = (value: unknown) => ({ value, isBlock: false, type: "map", storageClassType: "stringMap" });
    return {
      input: attr(cdktf.hashMapper(cdktf.stringToTerraform)(this.config.input)),
      triggers_replace: attr(cdktf.hashMapper(cdktf.stringToTerraform)(this.config.triggersReplace)),
    };
  }
}

/**
 * Adopts an object that already exists (a tenant singleton) with a Terraform `import` block
 * (terraform ≥ 1.5) instead of creating it twice. Same block as cdktf's `importFrom`, without its
 * synth-time `terraform version` check.
 */
export function importExisting(resource: cdktf.TerraformResource, id: string): void {
  const stack = cdktf.TerraformStack.of(resource);
  const blocks = IMPORTS.get(stack) ?? [];
  blocks.push({ to: `${resource.terraformResourceType}.${resource.friendlyUniqueId}`, id });
  IMPORTS.set(stack, blocks);
  stack.addOverride("import", blocks);
}

const IMPORTS = new WeakMap<cdktf.TerraformStack, { to: string; id: string }[]>();
