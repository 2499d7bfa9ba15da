/**
 * Facts about the two tools that assess a live tenant after deploy, for `werkplek assess-config`.
 *
 * ScubaGear: cisagov/ScubaGear@4d34e9a4 (2026-08-20). Policy ids with their version suffix are the
 * `PolicyId`s of PowerShell/ScubaGear/Rego/AADConfig.rego and TeamsConfig.rego; the ids that take
 * `CapExclusions` and the config keys are from PowerShell/ScubaGear/Modules/ScubaConfig/
 * ScubaConfigSchema.json (policyExclusionMappings) and docs/configuration/configuration.md.
 *
 * Maester: maester365/maester@6bf1d98f (2026-08-18), website/docs/configuration/
 * emergency-access-accounts.md and overview.md (a custom tests/Custom/maester-config.json whose
 * GlobalSettings.EmergencyAccessAccounts entries are { Id, Type: User | Group }).
 */

/** ScubaGear's policy ids (with version) by the control id werkplek writes (`MS.AAD.3.2`). */
export const SCUBA_POLICY_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "MS.AAD.1.1v1", "MS.AAD.2.1v1", "MS.AAD.2.2v1", "MS.AAD.2.3v1", "MS.AAD.3.1v1", "MS.AAD.3.2v2", "MS.AAD.3.3v2",
    "MS.AAD.3.4v1", "MS.AAD.3.5v2", "MS.AAD.3.6v1", "MS.AAD.3.7v1", "MS.AAD.3.8v1", "MS.AAD.3.9v1", "MS.AAD.4.1v1",
    "MS.AAD.5.1v1", "MS.AAD.5.2v1", "MS.AAD.5.3v1", "MS.AAD.5.5v1", "MS.AAD.5.6v1", "MS.AAD.5.7v1", "MS.AAD.6.1v1",
    "MS.AAD.7.1v1", "MS.AAD.7.2v1", "MS.AAD.7.3v1", "MS.AAD.7.4v1", "MS.AAD.7.5v1", "MS.AAD.7.6v1", "MS.AAD.7.7v1",
    "MS.AAD.7.8v1", "MS.AAD.7.9v1", "MS.AAD.8.1v1", "MS.AAD.8.2v1", "MS.AAD.8.3v1", "MS.AAD.9.1v1",
    "MS.TEAMS.1.1v1", "MS.TEAMS.1.2v2", "MS.TEAMS.1.3v1", "MS.TEAMS.1.4v1", "MS.TEAMS.1.5v1", "MS.TEAMS.1.6v1",
    "MS.TEAMS.1.7v2", "MS.TEAMS.2.1v2", "MS.TEAMS.2.2v2", "MS.TEAMS.2.3v2", "MS.TEAMS.4.1v1", "MS.TEAMS.5.1v2",
    "MS.TEAMS.5.2v2", "MS.TEAMS.5.3v2",
  ].map((id) => [id.replace(/v\d+$/, ""), id]),
);

/** The ScubaGear policies whose conditional access exclusions the config file declares (CapExclusions). */
export const SCUBA_CAP_EXCLUSION_POLICIES = [
  "MS.AAD.1.1v1", "MS.AAD.2.1v1", "MS.AAD.2.3v1", "MS.AAD.3.1v1", "MS.AAD.3.2v2",
  "MS.AAD.3.6v1", "MS.AAD.3.7v1", "MS.AAD.3.8v1", "MS.AAD.3.9v1",
] as const;

/** ScubaGear's GuestUserTypes values (ScubaConfigSchema.json definitions.patterns.guestUserType). */
export const SCUBA_GUEST_USER_TYPES = [
  "internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider",
] as const;

/** The ScubaGear products (ProductNames) whose baselines cover what werkplek manages: Entra ID and Teams. */
export const SCUBA_PRODUCTS = ["aad", "teams"] as const;

/**
 * ScubaGear's pattern for `Organization` (ScubaConfigSchema.json definitions.patterns.orgDomain):
 * a top-level domain of 2 to 4 letters, so e.g. `.vlaanderen` is refused.
 */
export const SCUBA_ORG_DOMAIN =
  /^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]\.[a-zA-Z]{2,4}$|^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9](\.[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])+\.[a-zA-Z]{2,4}$/;
