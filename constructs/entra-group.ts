import { Construct } from "constructs";
import { ConfigurationError } from "./errors";
import { Group } from "@cdktf/provider-azuread/lib/group";
import type { AssignedLicense } from "@microsoft/microsoft-graph-types";
import { MsGraphResourceAction } from "./msgraph/resource-action";
import { importExisting } from "./terraform-data";

export interface EntraGroupProps {
  readonly displayName: string;
  /** @default - no description */
  readonly description?: string;
  /** A Microsoft 365 (Unified) group instead of a security group. @default false */
  readonly unified?: boolean;
  /** Mail nickname; required by Entra for Microsoft 365 groups. @default - derived from the display name */
  readonly mailNickname?: string;
  /** Dynamic membership rule. @default - assigned membership */
  readonly dynamicRule?: string;
  /** Role-assignable (protected) group. Changing it replaces the group. @default false */
  readonly roleAssignable?: boolean;
  /** Object ids of user owners. @default - the deploying identity becomes the owner */
  readonly owners?: string[];
  /** Licences (skuIds) every member gets through group-based licensing. @default - none */
  readonly licenceSkuIds?: string[];
  /** Teams provisioning for a Microsoft 365 group. @default false */
  readonly team?: boolean;
}

/**
 * An Entra ID group that cannot be destroyed by accident (`prevent_destroy`), with dynamic or
 * assigned membership and group-based licensing through Graph `assignLicense` (azuread 3.7.0
 * has no licence resource).
 */
export class EntraGroup extends Construct {
  readonly group: Group;
  /** The licence assignment, when the group carries licences. */
  readonly licenceAssignment?: MsGraphResourceAction;

  constructor(scope: Construct, id: string, props: EntraGroupProps) {
    super(scope, id);
    if (props.roleAssignable && (props.dynamicRule || props.unified)) {
      throw new ConfigurationError(`group "${props.displayName}": a role-assignable group must be an assigned security group`);
    }
    const types = [...(props.unified ? ["Unified"] : []), ...(props.dynamicRule ? ["DynamicMembership"] : [])];
    this.group = new Group(this, "Resource", {
      displayName: props.displayName,
      description: props.description,
      securityEnabled: true,
      mailEnabled: props.unified ?? false,
      mailNickname: props.unified ? (props.mailNickname ?? mailNicknameOf(props.displayName)) : undefined,
      types: types.length ? types : undefined,
      dynamicMembership: props.dynamicRule ? { enabled: true, rule: props.dynamicRule } : undefined,
      assignableToRole: props.roleAssignable || undefined,
      visibility: props.unified ? "Private" : undefined,
      provisioningOptions: props.team ? ["Team"] : undefined,
      owners: props.owners?.length ? props.owners : undefined,
      preventDuplicateNames: true,
      lifecycle: { preventDestroy: true },
    });

    if (props.licenceSkuIds?.length) {
      const addLicenses: AssignedLicense[] = props.licenceSkuIds.map((skuId) => ({ skuId, disabledPlans: [] }));
      this.licenceAssignment = new MsGraphResourceAction(this, "Licences", {
        resourceUrl: `groups/${this.group.objectId}`,
        action: "assignLicense",
        method: "POST",
        body: { addLicenses, removeLicenses: [] },
      });
    }
  }

  /**
   * Takes over an existing group (a Terraform `import` block) instead of creating a second one,
   * which `prevent_duplicate_names` would refuse anyway. Import id as azuread 3.x documents it
   * (terraform-provider-azuread docs/resources/group.md, "Import": `/groups/<object id>`).
   */
  adopt(objectId: string): void {
    importExisting(this.group, `/groups/${objectId}`);
  }

  get objectId(): string {
    return this.group.objectId;
  }

  get displayName(): string {
    return this.group.displayNameInput!;
  }
}

export function mailNicknameOf(displayName: string): string {
  return displayName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 64);
}
