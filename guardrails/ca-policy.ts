/**
 * `azuread_conditional_access_policy` (azuread 3.7.0) read from Terraform JSON, the way
 * ScubaGear's matcher reads a policy (baselines.md §2.3, §9): what it targets, what it grants.
 */
import { stackName } from "../stacks/werkplek-stack";
import { Outcome, pass, RuleContext, stackOutcome } from "./rule";
import { block, blocks as blockList, strings, TfResource } from "../stacks/synthesized";

export const CA_TYPE = "azuread_conditional_access_policy";

/** Built-in authentication strength "Phishing-resistant MFA". */
export const PHISHING_RESISTANT_STRENGTH = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004";

/** SCuBA's highly privileged roles (role template ids). */
export const HIGHLY_PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
  "Global Administrator": "62e90394-69f5-4237-9190-012177145e10",
  "Privileged Role Administrator": "e8611ab8-c189-46e8-94e1-60213ab1f814",
  "User Administrator": "fe930be7-5e62-47db-91af-98c3a49a38b1",
  "SharePoint Administrator": "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
  "Exchange Administrator": "29232cdf-9323-42fd-ade2-1d097af3e4de",
  "Hybrid Identity Administrator": "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
  "Application Administrator": "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  "Cloud Application Administrator": "158c047a-c907-4556-b7ef-446551a6b5f7",
};

export interface CaPolicy {
  readonly resource: TfResource;
  readonly displayName: string;
  readonly state: string;
  readonly includedUsers: string[];
  readonly excludedUsers: string[];
  readonly includedGroups: string[];
  readonly excludedGroups: string[];
  readonly includedRoles: string[];
  readonly excludedRoles: string[];
  /** Guest or external user types the policy includes (`included_guests_or_external_users`). */
  readonly includedGuestTypes: string[];
  /** Guest or external user types the policy excludes (`excluded_guests_or_external_users`). */
  readonly excludedGuestTypes: string[];
  readonly includedApplications: string[];
  readonly excludedApplications: string[];
  readonly includedUserActions: string[];
  readonly clientAppTypes: string[];
  readonly transferMethods: string[];
  readonly userRiskLevels: string[];
  readonly signInRiskLevels: string[];
  readonly builtInControls: string[];
  readonly authenticationStrength?: string;
  readonly session: Record<string, unknown>;
}

export function caPolicies(ctx: RuleContext): CaPolicy[] {
  return ctx.resources(CA_TYPE).map(readCaPolicy);
}

export function readCaPolicy(r: TfResource): CaPolicy {
  const conditions = block(r.body.conditions);
  const users = block(conditions.users);
  const apps = block(conditions.applications);
  const grant = block(r.body.grant_controls);
  return {
    resource: r,
    displayName: String(r.body.display_name ?? r.name),
    state: String(r.body.state ?? ""),
    includedUsers: strings(users.included_users),
    excludedUsers: strings(users.excluded_users),
    includedGroups: strings(users.included_groups),
    excludedGroups: strings(users.excluded_groups),
    includedRoles: strings(users.included_roles),
    excludedRoles: strings(users.excluded_roles),
    includedGuestTypes: blockList(users.included_guests_or_external_users).flatMap((g) => strings(g.guest_or_external_user_types)),
    excludedGuestTypes: blockList(users.excluded_guests_or_external_users).flatMap((g) => strings(g.guest_or_external_user_types)),
    includedApplications: strings(apps.included_applications),
    excludedApplications: strings(apps.excluded_applications),
    includedUserActions: strings(apps.included_user_actions),
    clientAppTypes: strings(conditions.client_app_types),
    transferMethods: strings(conditions.authentication_flow_transfer_methods),
    userRiskLevels: strings(conditions.user_risk_levels),
    signInRiskLevels: strings(conditions.sign_in_risk_levels),
    builtInControls: strings(grant.built_in_controls),
    authenticationStrength: typeof grant.authentication_strength_policy_id === "string" ? grant.authentication_strength_policy_id : undefined,
    session: block(r.body.session_controls),
  };
}

/** Counts for a baseline: enabled, or report-only while it is being rolled out (WP-CA-009 warns about those). */
export function isOn(p: CaPolicy): boolean {
  return p.state === "enabled" || p.state === "enabledForReportingButNotEnforced";
}

export function allUsersAllApps(p: CaPolicy): boolean {
  return p.includedUsers.includes("All") && p.includedApplications.includes("All");
}

export function blocks(p: CaPolicy): boolean {
  return p.builtInControls.includes("block");
}

export function requiresMfa(p: CaPolicy): boolean {
  return !blocks(p) && (p.builtInControls.includes("mfa") || p.authenticationStrength !== undefined);
}

/** The stack holding the CA policies, for "no policy does X" findings. */
export function caStack(policies: CaPolicy[]): string {
  return policies[0].resource.stack;
}

/**
 * For the "at least one policy does X" rules: passes on every policy that does X, and fails on
 * the conditional access stack when none does. Every tenant has conditional access, so no
 * policies at all (an emptied `resource`, or the `<tenant>-conditional-access` stack missing from
 * the output) fails too instead of passing as not applicable.
 */
export function atLeastOnePolicy(ctx: RuleContext, does: (p: CaPolicy) => boolean, missing: string): Outcome[] {
  const policies = caPolicies(ctx);
  const stack = stackName(ctx.tenant.name, "conditional-access");
  if (policies.length === 0) {
    const present = ctx.stacks.some((s) => s.name === stack);
    return [stackOutcome(stack, false, present ? `${stack} declares no conditional access policy: ${missing}` : `no ${stack} stack in the output: ${missing}`)];
  }
  const found = policies.filter(does);
  if (found.length) return found.map((p) => pass(p.resource));
  return [stackOutcome(caStack(policies), false, missing)];
}
