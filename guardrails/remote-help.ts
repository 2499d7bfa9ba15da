/**
 * Intune Remote Help in the synthesized output, for the WP-INTUNE-007..009 rules: the
 * remoteAssistanceSettings singleton, the Intune role definitions and role assignments, the role
 * an assignment binds, and the group a member reference points to (through the identity stack's
 * cross-stack outputs, so a rule sees the group Terraform will use, not the tenant file's wish).
 */
import type { RuleContext } from "./rule";
import { byUrl, graphBody } from "./graph";
import { isObject, Json, referenceOf, TfResource } from "../stacks/synthesized";

export const REMOTE_ASSISTANCE_SETTINGS_URL = "deviceManagement/remoteAssistanceSettings";
export const INTUNE_ROLE_DEFINITIONS_URL = "deviceManagement/roleDefinitions";
export const INTUNE_ROLE_ASSIGNMENTS_URL = "deviceManagement/roleAssignments";

export const remoteAssistanceSettings = (ctx: RuleContext): TfResource[] => byUrl(ctx, REMOTE_ASSISTANCE_SETTINGS_URL);
export const intuneRoleDefinitions = (ctx: RuleContext): TfResource[] => byUrl(ctx, INTUNE_ROLE_DEFINITIONS_URL);
export const intuneRoleAssignments = (ctx: RuleContext): TfResource[] => byUrl(ctx, INTUNE_ROLE_ASSIGNMENTS_URL);

/** Every allowed resource action of an Intune role definition body (`rolePermissions` and the older `permissions`). */
export function allowedActions(body: Json): string[] {
  const permissions = [...(Array.isArray(body?.rolePermissions) ? body.rolePermissions : []), ...(Array.isArray(body?.permissions) ? body.permissions : [])];
  return permissions.flatMap((p: Json) => [
    ...(Array.isArray(p?.actions) ? p.actions : []),
    ...(Array.isArray(p?.resourceActions) ? p.resourceActions : []).flatMap((a: Json) => (Array.isArray(a?.allowedResourceActions) ? a.allowedResourceActions : [])),
  ]).filter((a: unknown): a is string => typeof a === "string");
}

/** The `${msgraph_resource.<name>.id}` an assignment's `roleDefinition@odata.bind` points to, if it is one. */
export function boundRoleName(assignment: TfResource): string | undefined {
  const bind = graphBody(assignment)["roleDefinition@odata.bind"];
  return typeof bind === "string" ? /\$\{msgraph_resource\.([A-Za-z0-9_-]+)\.id\}/.exec(bind)?.[1] : undefined;
}

/** The role definition an assignment binds, when the code declares it in the same stack. */
export function boundRole(ctx: RuleContext, assignment: TfResource): TfResource | undefined {
  const name = boundRoleName(assignment);
  return name ? intuneRoleDefinitions(ctx).find((r) => r.stack === assignment.stack && r.name === name) : undefined;
}

export interface MemberGroup {
  /** the tenant file's key, when a group of that display name is in the tenant file */
  readonly key?: string;
  readonly displayName?: string;
  /** role-assignable (protected): only privileged role administrators change its members */
  readonly roleAssignable: boolean;
}

/**
 * The group a member reference points to: `${azuread_group.x.object_id}` in the same stack, or a
 * cross-stack output of another stack whose value is such a reference. Undefined for a literal id.
 */
export function memberGroup(ctx: RuleContext, stack: string, ref: unknown): MemberGroup | undefined {
  const group = resolveGroup(ctx, stack, ref, 0);
  if (!group) return undefined;
  const displayName = typeof group.display_name === "string" ? group.display_name : undefined;
  const key = Object.entries(ctx.tenant.groups).find(([, g]) => g.displayName === displayName)?.[0];
  return { key, displayName, roleAssignable: group.assignable_to_role === true };
}

const CROSS_STACK = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([a-z0-9-]+)\.outputs\.([^.}\s]+)\}$/;

function resolveGroup(ctx: RuleContext, stack: string, ref: unknown, depth: number): Json | undefined {
  if (depth > 3 || typeof ref !== "string") return undefined;
  const cross = CROSS_STACK.exec(ref);
  if (cross) {
    const other = ctx.stacks.find((s) => s.name === cross[1]);
    return other ? resolveGroup(ctx, other.name, other.json.output?.[cross[2]]?.value, depth + 1) : undefined;
  }
  const r = referenceOf(ref);
  if (r?.type !== "azuread_group" || (r.attribute !== "object_id" && r.attribute !== "id")) return undefined;
  const group = ctx.stacks.find((s) => s.name === stack)?.json.resource?.azuread_group?.[r.name];
  return isObject(group) ? group : undefined;
}
