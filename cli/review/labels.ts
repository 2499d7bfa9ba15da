/**
 * Human labels for resources and values: a group by its display name, a role by its name, a
 * reference `${azuread_group.x.object_id}` by the label of what it points to (also across stacks).
 */
import { roleNameOf } from "../../facts/directory-roles";
import { GROUP_UNIFIED_TEMPLATE_ID } from "../../policies/teams/group-settings";
import type { StackSet } from "./stack-set";
import { str } from "./values";
import { block, isObject, JsonObject } from "../../stacks/synthesized";

/** A role template id as its display name, when it is a known built-in role. */
export const roleName = roleNameOf;

/** How the tenant's break-glass group (`breakGlass.groupObjectId`) reads in a review. */
export const EMERGENCY_ACCESS_GROUP = "the emergency-access group";

/**
 * Group ids in words: "groups A, B", "the emergency-access group", or "the emergency-access group
 * and groups A, B" (the break-glass group is named, not listed as one of the groups).
 */
export function groupsInWords(ids: readonly string[], hz: (s: string) => string): string {
  const names = ids.map(hz);
  const others = names.filter((n) => n !== EMERGENCY_ACCESS_GROUP);
  const rest = others.length ? `groups ${others.join(", ")}` : "";
  if (others.length === names.length) return rest;
  return rest ? `${EMERGENCY_ACCESS_GROUP} and ${rest}` : EMERGENCY_ACCESS_GROUP;
}

/** What a resource type is called in a review. */
const KINDS: Record<string, string> = {
  azuread_conditional_access_policy: "conditional access policy",
  azuread_group: "group",
  azuread_group_without_members: "group",
  azuread_group_member: "group membership",
  azuread_named_location: "named location",
  azuread_directory_role_assignment: "role assignment",
  azuread_application: "application",
  azuread_service_principal: "enterprise application",
  azuread_authentication_strength_policy: "authentication strength",
  azuread_administrative_unit: "administrative unit",
  azurerm_network_security_rule: "NSG rule",
  azurerm_network_security_group: "network security group",
  terraform_data: "deploy step",
};

export function kindOf(type: string): string {
  if (KINDS[type]) return KINDS[type];
  if (type.startsWith("azurerm_")) return type.slice("azurerm_".length).replace(/_/g, " ");
  if (type.startsWith("azuread_")) return type.slice("azuread_".length).replace(/_/g, " ");
  return type;
}

/** Template id of the Group.Unified directory setting (Microsoft 365 group creation, guests, naming). */
export const GROUP_UNIFIED_TEMPLATE = GROUP_UNIFIED_TEMPLATE_ID;

/** The Group.Unified directory setting (`groupSettings`), synthesized or from a plan. */
export function isGroupUnified(type: string, config: JsonObject | undefined): boolean {
  if (type !== "msgraph_resource" && type !== "msgraph_update_resource") return false;
  const body = block(config?.body);
  return body.templateId === GROUP_UNIFIED_TEMPLATE || body.displayName === "Group.Unified";
}

/** The collaboration stack's `terraform_data` that runs Apply-TeamsPolicies.ps1 (local-exec, pwsh). */
export function isTeamsApplyStep(type: string, config: JsonObject | undefined): boolean {
  return type === "terraform_data" && !!config && isPwshStep(config) && JSON.stringify(config.provisioner ?? "").includes("Apply-TeamsPolicies.ps1");
}

/** A document written next to a stack: the Teams desired state by its name, others by their path. */
export function documentLabel(key: string): string {
  return /(^|\/)teams-policies\.json$/.test(key) ? "Teams policies" : `desired-state document \`${key}\``;
}

/** `group "GRP-Secretariaat"`, `Graph policies/authorizationPolicy`, `NSG rule "AllowHttps"`, ... */
export function labelOf(type: string, name: string, config: JsonObject | undefined, hz: (s: string) => string = (s) => s): string {
  const c = config ?? {};
  const display = str(c.display_name);
  switch (type) {
    case "azuread_directory_role_assignment":
      return `role "${roleName(String(c.role_id ?? "?"))}" for ${hz(String(c.principal_object_id ?? "?"))}`;
    case "azuread_group_member":
      return `group membership ${name}`;
    case "msgraph_resource":
    case "msgraph_update_resource": {
      if (isGroupUnified(type, c)) return "Microsoft 365 group settings (Group.Unified)";
      const body = block(c.body);
      const title = str(body.displayName) ?? str(body.name);
      const odata = str(body["@odata.type"])?.replace(/^#microsoft\.graph\./, "");
      const what = type === "msgraph_update_resource" ? "Graph setting" : "Graph object";
      return `${what} ${title ? `"${title}" ` : ""}(${c.url ?? "?"}${odata ? `, ${odata}` : ""})`;
    }
    case "msgraph_resource_action":
      return `Graph action ${c.action ?? c.method ?? "?"} on ${hz(String(c.resource_url ?? "?"))}`;
    case "msgraph_resource_collection":
      return `Graph references ${c.url ?? "?"}`;
    case "terraform_data":
      if (isTeamsApplyStep(type, c)) return "Teams policies apply step (PowerShell)";
      return isPwshStep(c) ? `deploy step "${name}" (PowerShell)` : `deploy step "${name}"`;
  }
  if (display) return `${kindOf(type)} "${display}"`;
  if (typeof c.name === "string") return `${kindOf(type)} "${c.name}"`;
  return `${kindOf(type)} ${name}`;
}

function isPwshStep(c: JsonObject): boolean {
  const provisioners = Array.isArray(c.provisioner) ? c.provisioner : [c.provisioner];
  return provisioners.some((p) => isObject(p) && JSON.stringify(p).includes("pwsh"));
}

const REF = /\$\{([^{}]+)\}/g;
const CROSS_STACK = /^data\.terraform_remote_state\.cross-stack-reference-input-([a-z0-9-]+)\.outputs\.([^.\s]+)$/;

/**
 * Replaces Terraform references in a string by what they point to:
 * `groups/${azuread_group.g_1.object_id}` → `groups/{group "GRP-IT"}`. Unknown references stay.
 */
export function humanize(value: string, stack: string, set: StackSet | undefined): string {
  if (!set || !value.includes("${")) return value;
  return value.replace(REF, (whole, expr: string) => {
    const label = resolve(expr.trim(), stack, set, 0);
    return label ? `{${label}}` : whole;
  });
}

function resolve(expr: string, stack: string, set: StackSet, depth: number): string | undefined {
  if (depth > 3) return undefined;
  const cross = CROSS_STACK.exec(expr);
  if (cross) {
    const [, other, output] = cross;
    const value = set.stacks[other]?.json.output?.[output]?.value;
    const inner = typeof value === "string" ? /^\$\{([^{}]+)\}$/.exec(value) : null;
    return inner ? resolve(inner[1], other, set, depth + 1) : undefined;
  }
  const [type, name] = expr.split(".");
  const config = set.stacks[stack]?.json.resource?.[type]?.[name];
  return config ? labelOf(type, name, config) : undefined;
}
