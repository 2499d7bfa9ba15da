import { referenceOf } from "../../stacks/synthesized";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-014",
  level: "error",
  title: "Directory roles are assigned only to role-assignable groups",
  explanation:
    "Owners and Groups Administrators can add members to an ordinary group; if that group holds a role, they can grant themselves the role. Role-assignable groups can only be changed by privileged role administrators.",
  fix: "Assign the role to a group with assignable_to_role = true (the tenant file's adminRoles does this); it must be an assigned security group.",
  controls: ["MT.1035", "MS.AAD.7.2"],
  check: (ctx) =>
    ctx.resources("azuread_directory_role_assignment").flatMap((r) => {
      const ref = referenceOf(r.body.principal_object_id);
      if (ref?.type !== "azuread_group" || (ref.attribute !== "object_id" && ref.attribute !== "id")) return [];
      const group = ctx.stacks.find((s) => s.name === r.stack)?.json.resource?.azuread_group?.[ref.name];
      return [verdict(r, [group?.assignable_to_role !== true && `role ${r.body.role_id} is assigned to group ${group?.display_name ?? ref.name}, which is not role-assignable`])];
    }),
});
