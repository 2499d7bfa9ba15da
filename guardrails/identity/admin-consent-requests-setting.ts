import { directorySettings, graphBody, inIdentityStack, settingValues } from "../graph";
import { defineRule, verdict } from "../rule";
import { CONSENT_POLICY_SETTINGS_TEMPLATE_ID } from "../../policies/identity/consent-settings";

export default defineRule({
  id: "WP-ID-016",
  level: "error",
  title: "The Consent Policy Settings let users ask for admin consent and block risky consent",
  explanation:
    "ScubaGear (MS.AAD.5.3) and Maester (EIDSCA.CP04) read the admin consent workflow from the \"Consent Policy Settings\" directory setting, not only from the admin consent request policy; without it they fail the tenant although the workflow is on. Group owners consenting for their group's data bypasses the workflow.",
  fix: `Keep the identity stack's "Consent Policy Settings" directory setting (template ${CONSENT_POLICY_SETTINGS_TEMPLATE_ID}, policies/identity/consent-settings.ts) with EnableAdminConsentRequests "true", BlockUserConsentForRiskyApps "true" and EnableGroupSpecificConsent "false".`,
  controls: ["MS.AAD.5.3", "EIDSCA.CP01", "EIDSCA.CP03", "EIDSCA.CP04"],
  check: (ctx) =>
    inIdentityStack(ctx, directorySettings(ctx, CONSENT_POLICY_SETTINGS_TEMPLATE_ID), 'no "Consent Policy Settings" directory setting: ScubaGear and Maester find no EnableAdminConsentRequests', (r) => {
      const v = settingValues(graphBody(r));
      return verdict(r, [
        v.EnableAdminConsentRequests?.toLowerCase() !== "true" && `EnableAdminConsentRequests is ${v.EnableAdminConsentRequests ?? "not set"}`,
        v.BlockUserConsentForRiskyApps?.toLowerCase() !== "true" && `BlockUserConsentForRiskyApps is ${v.BlockUserConsentForRiskyApps ?? "not set"}`,
        v.EnableGroupSpecificConsent?.toLowerCase() !== "false" && `EnableGroupSpecificConsent is ${v.EnableGroupSpecificConsent ?? "not set (Entra's default lets group owners consent)"}`,
      ]);
    }),
});
