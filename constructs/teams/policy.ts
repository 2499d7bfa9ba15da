/**
 * The shape of Teams policy data: one entry per policy instance, parameters typed by the cmdlet
 * catalogue (cmdlets.ts), so a misspelt parameter or a value outside its allowed set does not
 * compile. Values computed from the tenant file are checked again at synth time
 * (constructs/teams/validate.ts).
 */
import type { AppCatalogSetting, AppCatalogValue, PolicyParameters, PolicyType } from "../../facts/teams-cmdlets";

/** `Global` is the tenant default instance of every policy type and the only one of a configuration. */
export const GLOBAL = "Global";

export interface TeamsPolicy<T extends PolicyType = PolicyType> {
  readonly policyType: T;
  /** `-Identity`: `Global`, or the name of a custom policy. */
  readonly identity: string;
  /** Exactly the parameters werkplek sets; every other parameter is left as it is in the tenant. */
  readonly parameters: PolicyParameters<T>;
}

/** A custom policy assigned to the direct members of an Entra group (`New-CsGroupPolicyAssignment`). */
export interface TeamsGroupAssignment {
  readonly policyType: PolicyType;
  readonly policyName: string;
  /** Key of the group under `groups` in the tenant file. */
  readonly group: string;
  /** 1 is the highest priority when a user is in several groups with this policy type. */
  readonly rank: number;
}

/**
 * Which Teams apps users may use, by app-centric management: the org-wide default of each app
 * catalogue and the apps made available one by one.
 */
export interface TeamsAppAvailability {
  /** Org-wide: `DefaultApp` (Microsoft apps), `GlobalApp` (third-party), `PrivateApp` (custom). */
  readonly tenantSettings: Readonly<Record<AppCatalogSetting, AppCatalogValue>>;
  /** Apps available to everyone although their catalogue's default is `None`. */
  readonly available: readonly { readonly id: string; readonly catalog: AppCatalogSetting }[];
}

export function teamsPolicy<T extends PolicyType>(policyType: T, identity: string, parameters: PolicyParameters<T>): TeamsPolicy<T> {
  return { policyType, identity, parameters };
}
