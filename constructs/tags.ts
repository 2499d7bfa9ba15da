import { IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";

/**
 * Gives every Azure resource that takes tags the tenant's tags (plus managedBy and tenant).
 * Tags a construct set itself win over the tenant's.
 */
export class TenantTags implements IAspect {
  constructor(private readonly tags: Readonly<Record<string, string>>) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !node.terraformResourceType.startsWith("azurerm_")) return;
    if (!hasTagsSetter(node)) return;
    const own = (node as unknown as { tagsInput?: Record<string, string> }).tagsInput ?? {};
    (node as unknown as { tags: Record<string, string> }).tags = { ...this.tags, ...own };
  }
}

function hasTagsSetter(node: object): boolean {
  for (let proto = Object.getPrototypeOf(node); proto && proto !== TerraformResource.prototype; proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, "tags");
    if (d) return typeof d.set === "function";
  }
  return false;
}
