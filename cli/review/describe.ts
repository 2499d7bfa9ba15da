/**
 * Resources described in words for reviewers: a conditional access policy as who / apps /
 * conditions / controls / state, an NSG rule as "allow inbound TCP 443 from Internet".
 * Reads both synthesized JSON and plan (state) JSON: blocks may be objects or one-element lists.
 */
import { groupsInWords, roleName } from "./labels";
import { authenticationStrengthInfo } from "../../facts/authentication-strengths";
import { allowsInboundFromInternet } from "../../guardrails/nsg";
import { str } from "./values";
import { block, JsonObject, strings } from "../../stacks/synthesized";

export const CA_STATES: Record<string, string> = {
  enabled: "enabled",
  enabledForReportingButNotEnforced: "report-only",
  disabled: "disabled",
};

const APP_NAMES: Record<string, string> = {
  All: "all cloud apps",
  None: "no apps",
  Office365: "Office 365",
  "797f4846-ba00-4fd7-ba43-dac1f8f63013": "Windows Azure Service Management API",
  "00000003-0000-0000-c000-000000000000": "Microsoft Graph",
};

const USER_ACTIONS: Record<string, string> = {
  "urn:user:registersecurityinfo": "registering security info",
  "urn:user:registerdevice": "registering or joining devices",
};

const CONTROLS: Record<string, string> = {
  block: "block access",
  mfa: "require MFA",
  compliantDevice: "require a compliant device",
  domainJoinedDevice: "require a hybrid-joined device",
  approvedApplication: "require an approved client app",
  compliantApplication: "require an app protection policy",
  passwordChange: "require a password change",
};

type Humanize = (s: string) => string;

function list(items: string[], hz: Humanize): string {
  return items.map(hz).join(", ");
}

/** A conditional access policy in words, one line per aspect. */
export function describeConditionalAccess(c: JsonObject, hz: Humanize = (s) => s): string[] {
  const cond = block(c.conditions);
  const users = block(cond.users);
  const apps = block(cond.applications);
  const lines: string[] = [];

  lines.push(`**State:** ${CA_STATES[String(c.state)] ?? String(c.state ?? "?")}`);

  const who: string[] = [];
  const inUsers = strings(users.included_users);
  if (inUsers.includes("All")) who.push("all users");
  else if (inUsers.includes("GuestsOrExternalUsers")) who.push("guests and external users");
  else if (inUsers.length) who.push(`users ${list(inUsers, hz)}`);
  if (strings(users.included_groups).length) who.push(`groups ${list(strings(users.included_groups), hz)}`);
  if (strings(users.included_roles).length) who.push(`roles ${strings(users.included_roles).map(roleName).join(", ")}`);
  const guests = guestTypes(users.included_guests_or_external_users);
  if (guests.length) who.push(`guests (${guests.join(", ")})`);
  const except: string[] = [];
  if (strings(users.excluded_users).length) except.push(`users ${list(strings(users.excluded_users), hz)}`);
  if (strings(users.excluded_groups).length) except.push(groupsInWords(strings(users.excluded_groups), hz));
  if (strings(users.excluded_roles).length) except.push(`roles ${strings(users.excluded_roles).map(roleName).join(", ")}`);
  const exGuests = guestTypes(users.excluded_guests_or_external_users);
  if (exGuests.length) except.push(`guests (${exGuests.join(", ")})`);
  lines.push(`**Who:** ${who.join("; ") || "nobody"}${except.length ? `, except ${except.join("; ")}` : ""}`);

  const appItems = strings(apps.included_applications).map((a) => APP_NAMES[a] ?? hz(a));
  const actions = strings(apps.included_user_actions).map((a) => USER_ACTIONS[a] ?? a);
  const exApps = strings(apps.excluded_applications).map((a) => APP_NAMES[a] ?? hz(a));
  lines.push(
    `**Apps:** ${[...appItems, ...actions].join(", ") || "none"}${exApps.length ? `, except ${exApps.join(", ")}` : ""}`,
  );

  const conditions: string[] = [];
  const clients = strings(cond.client_app_types);
  if (clients.length && !clients.includes("all")) conditions.push(`client apps ${clients.join(", ")}`);
  const platforms = block(cond.platforms);
  if (strings(platforms.included_platforms).length) {
    const ex = strings(platforms.excluded_platforms);
    conditions.push(`platforms ${strings(platforms.included_platforms).join(", ")}${ex.length ? ` except ${ex.join(", ")}` : ""}`);
  }
  const locations = block(cond.locations);
  if (strings(locations.included_locations).length) {
    const ex = strings(locations.excluded_locations);
    conditions.push(`locations ${list(strings(locations.included_locations), hz)}${ex.length ? ` except ${list(ex, hz)}` : ""}`);
  }
  for (const [key, label] of [
    ["sign_in_risk_levels", "sign-in risk"],
    ["user_risk_levels", "user risk"],
    ["service_principal_risk_levels", "service principal risk"],
  ] as const) {
    if (strings(cond[key]).length) conditions.push(`${label} ${strings(cond[key]).join(", ")}`);
  }
  if (str(cond.insider_risk_levels)) conditions.push(`insider risk ${cond.insider_risk_levels}`);
  const filter = block(block(cond.devices).filter);
  if (str(filter.rule)) conditions.push(`devices ${filter.mode === "exclude" ? "not matching" : "matching"} \`${filter.rule}\``);
  if (strings(cond.authentication_flow_transfer_methods).length) {
    conditions.push(`authentication flows ${strings(cond.authentication_flow_transfer_methods).join(", ")}`);
  }
  lines.push(`**Conditions:** ${conditions.join("; ") || "any client, platform and location"}`);

  const grant = block(c.grant_controls);
  const controls = strings(grant.built_in_controls).map((x) => CONTROLS[x] ?? x);
  const strength = str(grant.authentication_strength_policy_id);
  if (strength) {
    controls.push(`require authentication strength ${authenticationStrengthInfo(strength)?.name ?? hz(strength)}`);
  }
  for (const t of strings(grant.terms_of_use)) controls.push(`accept terms of use ${hz(t)}`);
  const op = String(grant.operator ?? "OR") === "AND" ? " and " : " or ";
  lines.push(`**Grant:** ${controls.join(op) || "no grant control"}`);

  const s = block(c.session_controls);
  const session: string[] = [];
  if (s.sign_in_frequency !== undefined && s.sign_in_frequency !== null) session.push(`sign-in every ${s.sign_in_frequency} ${s.sign_in_frequency_period ?? ""}`.trim());
  if (s.sign_in_frequency_interval === "everyTime") session.push("sign-in every time");
  if (str(s.persistent_browser_mode)) session.push(`persistent browser ${s.persistent_browser_mode}`);
  if (s.application_enforced_restrictions_enabled === true) session.push("app-enforced restrictions");
  if (str(s.cloud_app_security_policy)) session.push(`Defender for Cloud Apps ${s.cloud_app_security_policy}`);
  if (s.disable_resilience_defaults === true) session.push("resilience defaults off");
  if (session.length) lines.push(`**Session:** ${session.join("; ")}`);
  return lines;
}

function guestTypes(v: unknown): string[] {
  const blocks = Array.isArray(v) ? v : v ? [v] : [];
  return blocks.flatMap((b) => strings(block(b).guest_or_external_user_types));
}

/** The security rules of an NSG resource or one `azurerm_network_security_rule`. */
export function nsgRules(type: string, c: JsonObject): JsonObject[] {
  if (type === "azurerm_network_security_rule") return [c];
  if (type === "azurerm_network_security_group") {
    const rules = c.security_rule;
    return (Array.isArray(rules) ? rules : rules ? [rules] : []).map(block);
  }
  return [];
}

/** Source prefixes of a rule. */
function sources(rule: JsonObject): string[] {
  return [...strings(rule.source_address_prefix), ...strings(rule.source_address_prefixes)];
}

function ports(rule: JsonObject): string[] {
  const p = [...strings(rule.destination_port_range), ...strings(rule.destination_port_ranges)];
  return p.length ? p : ["*"];
}

/**
 * An inbound allow rule whose source is the internet: the guardrails' definition (`*`, `Internet`,
 * `0.0.0.0/0`, and any public prefix of /8 or wider), so diff, drift and check agree.
 */
export function opensToInternet(rule: JsonObject): boolean {
  return allowsInboundFromInternet(rule);
}

/** "allow inbound Tcp 443 from Internet to 10.0.1.0/24 (priority 100)" */
export function describeNsgRule(rule: JsonObject): string {
  const dest = [...strings(rule.destination_address_prefix), ...strings(rule.destination_address_prefixes)];
  return `${String(rule.access ?? "?").toLowerCase()} ${String(rule.direction ?? "?").toLowerCase()} ${rule.protocol ?? "*"} ${ports(rule).join(",")} from ${sources(rule).join(",") || "?"} to ${dest.join(",") || "*"} (priority ${rule.priority ?? "?"})`;
}
