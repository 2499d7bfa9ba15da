/**
 * Endpoint-security templates of Intune (beta `deviceManagement/configurationPolicies` with a
 * `templateReference`): settings whose definitions have visibility "template" are accepted only in
 * a policy made from their template, each top-level instance carrying the template's instance and
 * value ids. Identical in every tenant.
 */

/** A template: its id and, per top-level setting, the instance and value template ids. */
export interface SettingsTemplate {
  readonly templateId: string;
  readonly settings: Readonly<Record<string, { readonly instance: string; readonly value: string }>>;
}

/**
 * "Local admin password solution (Windows LAPS)", family endpointSecurityAccountProtection, version 1.
 * Sources: SkipToTheEndpoint/OpenIntuneBaseline@75c4825c WINDOWS/IntuneManagement/SettingsCatalog/
 * "Win - OIB - ES - Windows LAPS - D - LAPS Configuration - v3.1.json" (and "… (24H2+) - v3.6.json"
 * for automaticaccountmanagementenabled); administratoraccountname from andrew-s-taylor/public@32e4ef6e
 * "Powershell Scripts/Intune/configure-laps-intune.ps1". Checked by test/contract/intune.
 */
export const LAPS_TEMPLATE: SettingsTemplate = {
  templateId: "adc46e5a-f4aa-4ff6-aeff-4f27bc525796_1",
  settings: {
    device_vendor_msft_laps_policies_administratoraccountname: { instance: "d3d7d492-0019-4f56-96f8-1967f7deabeb", value: "992c7fce-f9e4-46ab-ac11-e167398859ea" },
    device_vendor_msft_laps_policies_automaticaccountmanagementenabled: { instance: "0d70f6fb-8f35-4fba-8ada-494b8a478703", value: "5db30960-1e02-4100-9e2c-a2212596b054" },
    device_vendor_msft_laps_policies_backupdirectory: { instance: "a3270f64-e493-499d-8900-90290f61ed8a", value: "4d90f03d-e14c-43c4-86da-681da96a2f92" },
    device_vendor_msft_laps_policies_passwordcomplexity: { instance: "8a7459e8-1d1c-458a-8906-7b27d216de52", value: "aa883ab5-625e-4e3b-b830-a37a4bb8ce01" },
    device_vendor_msft_laps_policies_passwordlength: { instance: "da7a1dbd-caf7-4341-ab63-ece6f994ff02", value: "d08f1266-5345-4f53-8ae1-4c20e6cb5ec9" },
    device_vendor_msft_laps_policies_postauthenticationactions: { instance: "d9282eb1-d187-42ae-b366-7081f32dcfff", value: "68ff4f78-baa8-4b32-bf3d-5ad5566d8142" },
    device_vendor_msft_laps_policies_postauthenticationresetdelay: { instance: "a9e21166-4055-4042-9372-efaf3ef41868", value: "0deb6aee-8dac-40c4-a9dd-c3718e5c1d52" },
  },
};
