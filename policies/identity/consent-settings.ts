/**
 * The "Consent Policy Settings" directory setting (beta `settings`, template dffd5d46-…): what
 * ScubaGear (MS.AAD.5.3, `EnableAdminConsentRequests` via Get-MgBetaDirectorySetting) and Maester
 * (EIDSCA.CP01/CP03/CP04) read, besides `policies/adminConsentRequestPolicy` (admin-consent.ts).
 * The template id and its four values are from Microsoft Learn, "Configure risk-based step-up
 * consent" (entra/identity/enterprise-apps/configure-risk-based-step-up-consent); the resource is
 * Graph beta resources/directorysetting.md. Values are strings, as Graph stores them.
 */
import type { DirectorySetting } from "@microsoft/microsoft-graph-types-beta";

export const CONSENT_POLICY_SETTINGS_TEMPLATE_ID = "dffd5d46-495d-40a9-8e21-954ff55e198a";

export function consentPolicySettings(): DirectorySetting {
  const values: Record<string, string> = {
    EnableAdminConsentRequests: "true", //               MS.AAD.5.3, EIDSCA.CP04: users can ask for an app
    BlockUserConsentForRiskyApps: "true", //             EIDSCA.CP03
    EnableGroupSpecificConsent: "false", //              EIDSCA.CP01: group owners cannot consent for their group
    ConstrainGroupSpecificConsentToMembersOfGroupId: "",
  };
  return {
    templateId: CONSENT_POLICY_SETTINGS_TEMPLATE_ID,
    values: Object.entries(values).map(([name, value]) => ({ name, value })),
  };
}
