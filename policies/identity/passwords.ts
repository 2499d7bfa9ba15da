/**
 * Passwords (tenant file `passwords:`): they never expire (MS.AAD.6.1, CIS 1.3.1), Entra Password
 * Protection bans the municipality's own words (EIDSCA.PR01-PR03, CIS 5.2.3.2), and smart lockout
 * stops guessing (EIDSCA.PR05/PR06).
 */
import type { DirectorySetting } from "@microsoft/microsoft-graph-types-beta";
import type { Domain } from "@microsoft/microsoft-graph-types";
import type { PasswordsSpec } from "../../tenants/sections/entra-settings";

/**
 * "Password Rule Settings" directory setting template (beta `settings`). The template id is what
 * GET directorySettingTemplates returns for that display name (public exports of the call, e.g.
 * the example output of AADInternals' Get-AADIntSettings; Microsoft365DSC's AADDirectorySetting
 * example); the value names are the ones Maester's EIDSCA.PR01-PR06 read
 * (maester365/maester@6bf1d98f tests/EIDSCA/Test-EIDSCA.Generated.Tests.ps1 and
 * website/docs/tests/eidsca). Terms have 4-16 characters, at most 1000 (Microsoft Learn,
 * entra/identity/authentication/concept-password-ban-bad); the list is one string with the terms
 * separated by tabs, as Graph returns it. Both on the verify list.
 */
export const PASSWORD_RULE_SETTINGS_TEMPLATE_ID = "5cf42378-d67d-4f36-ba46-e8b86229381d";

export function passwordRuleSettings(spec: PasswordsSpec): DirectorySetting {
  const values: Record<string, string> = {
    EnableBannedPasswordCheck: String(spec.bannedPasswords.length > 0), //  EIDSCA.PR03 (the list needs a term)
    BannedPasswordList: spec.bannedPasswords.join("\t"),
    LockoutThreshold: String(spec.lockoutThreshold), //                     EIDSCA.PR06
    LockoutDurationInSeconds: String(spec.lockoutDurationSeconds), //       EIDSCA.PR05
    // On-premises domain controllers with the Password Protection agent enforce the same list
    // (Kraainem's Awingu servers join its on-premises domain); harmless without the agent.
    EnableBannedPasswordCheckOnPremises: "True", //                         EIDSCA.PR02
    BannedPasswordCheckOnPremisesMode: "Enforce", //                        EIDSCA.PR01
  };
  return {
    templateId: PASSWORD_RULE_SETTINGS_TEMPLATE_ID,
    values: Object.entries(values).map(([name, value]) => ({ name, value })),
  };
}

/**
 * `passwordValidityPeriodInDays` meaning "never expires": Int32.MaxValue, the value of the CIS
 * 1.3.1 remediation `Update-MgDomain -PasswordValidityPeriodInDays 2147483647` (as quoted in
 * maester365/maester@6bf1d98f powershell/public/cis/Test-MtCisPasswordExpiry.md) and what
 * ScubaGear's MS.AAD.6.1 accepts besides null (Rego/AADConfig.rego PasswordNeverExpires,
 * cisagov/ScubaGear@4d34e9a4).
 */
export const PASSWORDS_NEVER_EXPIRE = 2147483647;

/** The domains whose passwords never expire: the primary domain and the file's other domains. */
export function neverExpireDomains(primaryDomain: string, spec: PasswordsSpec): string[] {
  return [...new Set([primaryDomain, ...spec.otherDomains])];
}

/** PATCH `domains/{id}` (Graph v1.0 api/domain-update.md: passwordValidityPeriodInDays is updatable). */
export const domainPasswordPolicy: Domain = {
  passwordValidityPeriodInDays: PASSWORDS_NEVER_EXPIRE, //  MS.AAD.6.1, CIS 1.3.1
};
