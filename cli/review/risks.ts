/**
 * Risk flags on one resource change, shared by `werkplek diff` (code vs code) and `werkplek drift`
 * (state vs live tenant): the same rules decide what is dangerous in both.
 */
import { CA_STATES, describeNsgRule, nsgRules, opensToInternet } from "./describe";
import { authenticationStrengthInfo } from "../../facts/authentication-strengths";
import { groupsInWords, isGroupUnified, roleName } from "./labels";
import { teamsLoosening, teamsUndeclared } from "./teams-loosening";
import { added, flatten, str } from "./values";
import { block, JsonObject, strings } from "../../stacks/synthesized";
import { REMOTE_HELP_ELEVATING_ACTIONS, REMOTE_HELP_SESSION_ACTIONS } from "../../facts/intune-remote-help";

export type RiskKind =
  | "protected-deleted"
  | "protected-replaced"
  | "protection-removed"
  | "ca-weakened"
  | "nsg-internet"
  | "teams-loosened"
  | "group-creation"
  | "location-widened"
  | "firewall-opened"
  | "setting-weakened"
  | "suppression-added"
  | "remote-support-widened";

export interface Risk {
  readonly kind: RiskKind;
  readonly message: string;
}

/** Stateful and identity objects: deleting one loses data or locks people out, protected or not. */
const PROTECTED_TYPES = new Set([
  "azuread_group",
  "azuread_group_without_members",
  "azuread_conditional_access_policy",
  "azuread_named_location",
  "azurerm_resource_group",
  "azurerm_storage_account",
  "azurerm_key_vault",
  "azurerm_log_analytics_workspace",
  "azurerm_recovery_services_vault",
]);

/** What a deletion takes with it, per type. */
const DELETION: Record<string, string> = {
  azuread_group: "the object is destroyed, with what refers to it (memberships, licences, policy assignments)",
  azuread_group_without_members: "the object is destroyed, with what refers to it (memberships, licences, policy assignments)",
  azuread_conditional_access_policy: "the policy is destroyed: its controls stop applying at once",
  azuread_named_location: "the location is destroyed: conditional access policies that use it fail or stop matching",
  azurerm_resource_group: "the resource group is destroyed with every resource in it",
  azurerm_storage_account: "the storage account is destroyed with its data (terraform state)",
  azurerm_key_vault: "the Key Vault is deleted with its certificates and secrets (soft-deleted, kept by purge protection)",
  azurerm_log_analytics_workspace: "the workspace is destroyed with the collected audit and sign-in logs",
  azurerm_recovery_services_vault: "the vault is destroyed with its backups",
};

export function isProtected(type: string, config: JsonObject | undefined): boolean {
  return PROTECTED_TYPES.has(type) || block(config?.lifecycle).prevent_destroy === true;
}

export type Action = "create" | "update" | "replace" | "delete";

/**
 * Other resources of the same stack by address (`type.name`), before and after the change: what a
 * reference in the changed resource points to (an Intune role assignment's role). Absent (drift,
 * plan JSON with resolved ids) means a reference cannot be followed.
 */
export interface RelatedResources {
  readonly before?: (address: string) => JsonObject | undefined;
  readonly after?: (address: string) => JsonObject | undefined;
}

type Humanize = (s: string) => string;

/**
 * All risks of one change; `before`/`after` are the resource's attributes (absent for create/delete).
 * `permittedFromInternet` says which NSG rule is the door the guardrails allow (WP-NET-007): that
 * one is not flagged as opened to the internet.
 */
export function risksOf(
  type: string,
  action: Action,
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  hz: Humanize = (s) => s,
  permittedFromInternet: (rule: JsonObject) => boolean = () => false,
  related: RelatedResources = {},
): Risk[] {
  const risks: Risk[] = [];
  if (action === "delete" && isProtected(type, before)) {
    risks.push({ kind: "protected-deleted", message: DELETION[type] ?? "the object is destroyed, with what refers to it" });
  }
  if (action === "replace" && isProtected(type, before)) {
    risks.push({ kind: "protected-replaced", message: "destroyed and created again with a new object id" });
  }
  if (before && after && block(before.lifecycle).prevent_destroy === true && block(after.lifecycle).prevent_destroy !== true) {
    risks.push({ kind: "protection-removed", message: "destroy protection (prevent_destroy) removed" });
  }
  if (type === "azuread_conditional_access_policy" && before && after) {
    for (const m of conditionalAccessWeakening(before, after, hz)) risks.push({ kind: "ca-weakened", message: m });
  }
  if (after) {
    for (const m of nsgOpenings(type, before, after, permittedFromInternet)) risks.push({ kind: "nsg-internet", message: m });
    if (before) for (const m of teamsLoosenings(before, after)) risks.push({ kind: "teams-loosened", message: m });
    for (const m of groupCreationChanges(type, before, after, hz)) risks.push({ kind: "group-creation", message: m });
    for (const m of firewallOpenings(type, before, after)) risks.push({ kind: "firewall-opened", message: m });
    if (before) for (const m of namedLocationWidening(type, before, after)) risks.push({ kind: "location-widened", message: m });
    if (before) for (const m of settingWeakenings(type, before, after)) risks.push({ kind: "setting-weakened", message: m });
    for (const m of remoteSupportWidenings(type, before, after, hz, related)) risks.push({ kind: "remote-support-widened", message: m });
  }
  return risks;
}

const graphUrlOf = (c: JsonObject | undefined) => String(c?.url ?? "").replace(/^\/+/, "").replace(/^(v1\.0|beta)\//, "");

/** Allowed resource actions of an Intune role definition's attributes. */
function roleActions(config: JsonObject | undefined): string[] {
  const body = block(config?.body);
  const permissions = [...(Array.isArray(body.rolePermissions) ? body.rolePermissions : []), ...(Array.isArray(body.permissions) ? body.permissions : [])].map(block);
  return permissions.flatMap((p) => [...strings(p.actions), ...(Array.isArray(p.resourceActions) ? p.resourceActions : []).map(block).flatMap((a) => strings(a.allowedResourceActions))]);
}

/** The role definition an Intune role assignment binds (`roleDefinition@odata.bind` → `${msgraph_resource.<name>.id}`). */
function boundRole(config: JsonObject | undefined, lookup: ((address: string) => JsonObject | undefined) | undefined): JsonObject | undefined {
  const bind = block(config?.body)["roleDefinition@odata.bind"];
  const name = typeof bind === "string" ? /\$\{msgraph_resource\.([A-Za-z0-9_-]+)\.id\}/.exec(bind)?.[1] : undefined;
  return name && lookup ? lookup(`msgraph_resource.${name}`) : undefined;
}

/**
 * Intune Remote Help (devices.remoteHelp) reaching further: sessions allowed to unenrolled
 * devices, a group added to a Remote Help role assignment (or a new one), elevation granted to a
 * role or to more groups, or the scope of such an assignment widened.
 */
function remoteSupportWidenings(type: string, before: JsonObject | undefined, after: JsonObject, hz: Humanize, related: RelatedResources): string[] {
  if (type !== "msgraph_resource" && type !== "msgraph_update_resource") return [];
  const url = graphUrlOf(after);
  const b = block(before?.body);
  const a = block(after.body);
  const out: string[] = [];
  const elevating = (actions: string[]) => actions.filter((x) => REMOTE_HELP_ELEVATING_ACTIONS.includes(x));
  if (url === "deviceManagement/remoteAssistanceSettings" && a.allowSessionsToUnenrolledDevices === true && b.allowSessionsToUnenrolledDevices !== true) {
    out.push(`allowSessionsToUnenrolledDevices ${before ? String(b.allowSessionsToUnenrolledDevices ?? false) : "(new)"} → true: the helpdesk may also take over computers Intune does not manage (staff's private computers)`);
  }
  if (url === "deviceManagement/roleDefinitions" && before) {
    const gained = added(elevating(roleActions(before)), elevating(roleActions(after)));
    if (gained.length) out.push(`role now grants ${gained.join(", ")}: every group assigned this role may act as administrator on staff devices in a Remote Help session`);
  }
  if (url === "deviceManagement/roleAssignments") {
    const roleAfter = boundRole(after, related.after);
    const actions = roleActions(roleAfter);
    if (roleAfter && !actions.some((x) => REMOTE_HELP_SESSION_ACTIONS.includes(x))) return out; // an Intune role without Remote Help
    const elevates = elevating(actions).length > 0;
    const what = !roleAfter ? "now hold this Intune role (its permissions are not in this output)" : elevates ? "may now start Remote Help sessions with administrator rights (elevation)" : "may now start Remote Help sessions: see and take over staff screens";
    const membersAdded = added(strings(b.members), strings(a.members));
    if (membersAdded.length) out.push(`members added: ${groupsInWords(membersAdded, hz)} ${what}`);
    const elevatedBefore = before ? elevating(roleActions(boundRole(before, related.before))).length > 0 : false;
    const kept = strings(a.members).filter((m) => !membersAdded.includes(m));
    if (before && elevates && !elevatedBefore && kept.length) out.push(`role with elevation now bound: ${groupsInWords(kept, hz)} may now act as administrator in Remote Help sessions`);
    const scopesAdded = added(strings(b.resourceScopes), strings(a.resourceScopes));
    if (before && scopesAdded.length) out.push(`scope widened: ${groupsInWords(scopesAdded, hz)} now in reach of this Remote Help role`);
    if (str(a.scopeType) && a.scopeType !== "resourceScope" && a.scopeType !== b.scopeType) out.push(`scopeType ${a.scopeType}: every device or licensed user in Intune, not only the listed groups`);
  }
  return out;
}

/** name → value of the Group.Unified setting's `values` list. */
function settingValues(config: JsonObject | undefined): Record<string, string> {
  const values = block(config?.body).values;
  return Object.fromEntries((Array.isArray(values) ? values : []).map(block).map((v) => [String(v.name), String(v.value ?? "")]));
}

/** Who may create Microsoft 365 groups (and so Teams): everyone, or another group than before. */
function groupCreationChanges(type: string, before: JsonObject | undefined, after: JsonObject, hz: Humanize): string[] {
  if (!isGroupUnified(type, after)) return [];
  const b = before ? settingValues(before) : undefined;
  const a = settingValues(after);
  const out: string[] = [];
  if (a.EnableGroupCreation?.toLowerCase() === "true" && b?.EnableGroupCreation?.toLowerCase() !== "true") {
    out.push(`EnableGroupCreation ${b?.EnableGroupCreation ?? "(new)"} → true: every user may create Microsoft 365 groups and Teams`);
  }
  if (b && (b.GroupCreationAllowedGroupId ?? "") !== (a.GroupCreationAllowedGroupId ?? "")) {
    const show = (v?: string) => (v ? hz(v) : "(none)");
    out.push(`GroupCreationAllowedGroupId changed: ${show(b.GroupCreationAllowedGroupId)} → ${show(a.GroupCreationAllowedGroupId)} (who may create groups and Teams)`);
  }
  return out;
}

/** The firewall block and its name per type: storage `network_rules`, Key Vault `network_acls`. */
const FIREWALLS: Record<string, string | undefined> = {
  azurerm_storage_account: "network_rules",
  azurerm_key_vault: "network_acls",
  azurerm_storage_account_network_rules: undefined, // default_action at the top level
};

/** A storage account or Key Vault firewall that let everything through instead of denying by default. */
function firewallOpenings(type: string, before: JsonObject | undefined, after: JsonObject): string[] {
  if (!(type in FIREWALLS)) return [];
  const rules = FIREWALLS[type];
  const action = (c: JsonObject | undefined) => {
    const v = c && (rules ? block(c[rules]).default_action : c.default_action);
    return typeof v === "string" ? v : undefined;
  };
  const b = action(before);
  const a = action(after);
  if (b?.toLowerCase() === "deny" && a?.toLowerCase() !== "deny") {
    return [`${rules ?? "network rules"} default_action ${b} → ${a ?? "(not set: Allow)"}: the firewall no longer denies by default`];
  }
  return [];
}

/**
 * Security switches of a resource: the secure value, the provider's default (what an attribute
 * left out means) and what turning it the other way opens.
 */
const SWITCHES: Record<string, readonly { attribute: string; secure: boolean; default: boolean; opens: string }[]> = {
  azurerm_linux_virtual_machine: [{ attribute: "disable_password_authentication", secure: true, default: true, opens: "the VM accepts SSH sign-in with a password, not only with keys" }],
  azurerm_storage_account: [
    { attribute: "shared_access_key_enabled", secure: false, default: true, opens: "the account keys (and SAS tokens signed with them) work again, besides Entra ID" },
    { attribute: "allow_nested_items_to_be_public", secure: false, default: true, opens: "containers may be made public (anonymous read)" },
    { attribute: "https_traffic_only_enabled", secure: true, default: true, opens: "unencrypted HTTP is accepted" },
  ],
};

/** TLS versions from weakest; `min_tls_version` defaults to TLS1_2. */
const TLS_VERSIONS = ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"];

/** A VM or storage account security setting turned the weak way (an attribute left out counts as the provider default). */
function settingWeakenings(type: string, before: JsonObject, after: JsonObject): string[] {
  const out: string[] = [];
  for (const sw of SWITCHES[type] ?? []) {
    const value = (c: JsonObject) => (typeof c[sw.attribute] === "boolean" ? (c[sw.attribute] as boolean) : sw.default);
    if (value(before) === sw.secure && value(after) !== sw.secure) out.push(`${sw.attribute} ${value(before)} → ${value(after)}: ${sw.opens}`);
  }
  if (type === "azurerm_storage_account") {
    const tls = (c: JsonObject) => str(c.min_tls_version) ?? "TLS1_2";
    const [b, a] = [tls(before), tls(after)];
    if (TLS_VERSIONS.includes(a) && TLS_VERSIONS.indexOf(a) < TLS_VERSIONS.indexOf(b)) out.push(`min_tls_version ${b} → ${a}: older TLS versions are accepted`);
  }
  return out;
}

/** A named location of countries that now includes more countries (or unknown ones). */
function namedLocationWidening(type: string, before: JsonObject, after: JsonObject): string[] {
  if (type !== "azuread_named_location") return [];
  const cb = block(before.country);
  const ca = block(after.country);
  if (Object.keys(cb).length === 0 || Object.keys(ca).length === 0) return [];
  const out: string[] = [];
  const more = added(strings(cb.countries_and_regions), strings(ca.countries_and_regions));
  if (more.length) out.push(`countries added: ${more.join(", ")}`);
  if (cb.include_unknown_countries_and_regions !== true && ca.include_unknown_countries_and_regions === true) {
    out.push("unknown countries and regions now included");
  }
  return out;
}

const STATE_RANK: Record<string, number> = { enabled: 2, enabledForReportingButNotEnforced: 1, disabled: 0 };

/** How a conditional access policy got weaker: state, controls removed, exclusions added, scope narrowed. */
export function conditionalAccessWeakening(before: JsonObject, after: JsonObject, hz: Humanize = (s) => s): string[] {
  const out: string[] = [];
  const sb = String(before.state);
  const sa = String(after.state);
  if ((STATE_RANK[sa] ?? 0) < (STATE_RANK[sb] ?? 0)) out.push(`state ${CA_STATES[sb] ?? sb} → ${CA_STATES[sa] ?? sa}`);

  const gb = block(before.grant_controls);
  const ga = block(after.grant_controls);
  const removedControls = strings(gb.built_in_controls).filter((c) => !strings(ga.built_in_controls).includes(c));
  if (removedControls.length) out.push(`grant control removed: ${removedControls.join(", ")}`);
  const strengthB = str(gb.authentication_strength_policy_id);
  const strengthA = str(ga.authentication_strength_policy_id);
  if (strengthB && strengthB !== strengthA) {
    const rank = (s?: string) => (s ? (authenticationStrengthInfo(s)?.rank ?? 0) : -1);
    if (!strengthA || rank(strengthA) < rank(strengthB)) out.push(`authentication strength ${strengthA ? "weakened" : "removed"}`);
  }
  const touRemoved = strings(gb.terms_of_use).filter((t) => !strings(ga.terms_of_use).includes(t));
  if (touRemoved.length) out.push(`terms of use removed`);
  const controlCount = strings(ga.built_in_controls).length + (strengthA ? 1 : 0) + strings(ga.terms_of_use).length;
  if (gb.operator === "AND" && ga.operator === "OR" && controlCount > 1) out.push("grant controls now any-of (OR) instead of all-of (AND)");

  const xb = block(before.session_controls);
  const xa = block(after.session_controls);
  const hours = (s: JsonObject) =>
    typeof s.sign_in_frequency === "number" ? s.sign_in_frequency * (s.sign_in_frequency_period === "days" ? 24 : 1) : undefined;
  if (hours(xb) !== undefined && (hours(xa) === undefined || (hours(xa) as number) > (hours(xb) as number))) {
    out.push(`sign-in frequency ${hours(xa) === undefined ? "removed" : `longer (${xa.sign_in_frequency} ${xa.sign_in_frequency_period})`}`);
  }
  if (xb.persistent_browser_mode === "never" && xa.persistent_browser_mode !== "never") out.push("persistent browser sessions no longer blocked");
  if (xb.application_enforced_restrictions_enabled === true && xa.application_enforced_restrictions_enabled !== true) {
    out.push("app-enforced restrictions removed");
  }
  if (str(xb.cloud_app_security_policy) && !str(xa.cloud_app_security_policy)) out.push("Defender for Cloud Apps session control removed");

  const cb = block(before.conditions);
  const ca = block(after.conditions);
  const pick = (c: JsonObject, name: string, key: string) => strings(block(c[name])[key]);
  const exclusions: [string, string, string][] = [
    ["users", "excluded_users", "users"],
    ["users", "excluded_groups", "groups"],
    ["users", "excluded_roles", "roles"],
    ["applications", "excluded_applications", "apps"],
    ["locations", "excluded_locations", "locations"],
    ["platforms", "excluded_platforms", "platforms"],
  ];
  for (const [block, key, label] of exclusions) {
    const more = added(pick(cb, block, key), pick(ca, block, key));
    if (!more.length) continue;
    if (label === "groups") out.push(`exclusion added: ${groupsInWords(more, hz)}`);
    else out.push(`exclusion added: ${label} ${more.map((x) => (label === "roles" ? roleName(x) : hz(x))).join(", ")}`);
  }
  const guestsB = guestTypes(block(cb.users).excluded_guests_or_external_users);
  const guestsA = added(guestsB, guestTypes(block(ca.users).excluded_guests_or_external_users));
  if (guestsA.length) out.push(`exclusion added: guests ${guestsA.join(", ")}`);
  const filterB = block(block(cb.devices).filter);
  const filterA = block(block(ca.devices).filter);
  if (str(filterA.rule) && (filterA.rule !== filterB.rule || filterA.mode !== filterB.mode) && filterA.mode === "exclude") {
    out.push(`exclusion added: devices matching \`${filterA.rule}\``);
  }

  const scopes: [string, string, string][] = [
    ["users", "included_users", "users"],
    ["users", "included_groups", "groups"],
    ["users", "included_roles", "roles"],
    ["applications", "included_applications", "apps"],
    ["applications", "included_user_actions", "user actions"],
    ["locations", "included_locations", "locations"],
    ["platforms", "included_platforms", "platforms"],
  ];
  for (const [block, key, label] of scopes) {
    const gone = added(pick(ca, block, key), pick(cb, block, key));
    if (gone.length) out.push(`scope narrowed: ${label} ${gone.map((x) => (label === "roles" ? roleName(x) : hz(x))).join(", ")} no longer included`);
  }
  const clientsGone = added(strings(ca.client_app_types), strings(cb.client_app_types));
  if (clientsGone.length) out.push(`scope narrowed: client apps ${clientsGone.join(", ")} no longer included`);
  for (const key of ["sign_in_risk_levels", "user_risk_levels"]) {
    const gone = added(strings(ca[key]), strings(cb[key]));
    if (gone.length) out.push(`scope narrowed: ${key.replace(/_/g, " ")} ${gone.join(", ")} no longer included`);
  }
  return out;
}

function guestTypes(v: unknown): string[] {
  const blocks = Array.isArray(v) ? v : v ? [v] : [];
  return blocks.flatMap((b) => strings(block(b).guest_or_external_user_types));
}

/** NSG rules that now let the internet in (new rules, or a rule whose source or ports changed). */
function nsgOpenings(type: string, before: JsonObject | undefined, after: JsonObject, permitted: (rule: JsonObject) => boolean): string[] {
  const old = new Map(nsgRules(type, before ?? {}).map((r) => [String(r.name), r]));
  return nsgRules(type, after)
    .filter((r) => opensToInternet(r) && !permitted(r))
    .filter((r) => {
      const prev = old.get(String(r.name));
      return !prev || !opensToInternet(prev) || describeNsgRule(prev) !== describeNsgRule(r);
    })
    // a separate rule resource is already labelled `NSG rule "<name>"`; a rule inside an NSG is named here
    .map((r) => `${type === "azurerm_network_security_rule" ? "" : `rule "${r.name}" `}opens to the internet: ${describeNsgRule(r)}`);
}

/**
 * Teams parameters (anywhere in the attributes, e.g. a desired-state document or Group.Unified
 * values) that got looser, or stopped being declared on a policy that is still declared. A policy
 * that is new as a whole is not a loosening: nothing was tighter before.
 */
export function teamsLoosenings(before: unknown, after: unknown): string[] {
  const b = flatten(before);
  const a = flatten(after);
  const hasParent = (paths: Map<string, unknown>, path: string) => {
    const parent = path.slice(0, Math.max(path.lastIndexOf("."), 0));
    return !parent || [...paths.keys()].some((k) => k.startsWith(`${parent}.`));
  };
  const out: string[] = [];
  for (const [path, value] of a) {
    const name = parameterName(path);
    if (!name || (!b.has(path) && !hasParent(b, path))) continue;
    const reason = teamsLoosening(name, b.get(path), value);
    if (reason) out.push(reason);
  }
  for (const [path, value] of b) {
    const name = parameterName(path);
    if (!name || a.has(path) || !hasParent(a, path)) continue;
    const reason = teamsUndeclared(name, value);
    if (reason) out.push(reason);
  }
  return out;
}

/** `policies[Global].AutoAdmittedUsers` → `AutoAdmittedUsers`; `body.values[EnableGroupCreation].value` → `EnableGroupCreation`. */
function parameterName(path: string): string | undefined {
  const m = /\[([^\]]+)\]\.value$/.exec(path);
  if (m) return m[1];
  const last = path.split(".").pop() ?? "";
  return last.replace(/\[.*$/, "") || undefined;
}

/** For a guardrails finding list: the key that identifies a finding across runs. */
export function findingKey(f: { rule: string; stack: string; resource?: string }): string {
  return `${f.rule} ${f.stack} ${f.resource ?? ""}`;
}
