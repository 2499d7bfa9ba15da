/**
 * Windows LAPS, baselines.md §2.5 I10 (CIS 5.1.4.5, MT.1177): the local administrator password is
 * backed up to Entra ID only, long and complex, and reset after someone used it. The LAPS settings
 * exist only in the endpoint-security template (their definitions have visibility "template"), so
 * the policy is made from it, as Intune's exports are (facts/intune-templates.ts). Entra keeps the
 * password only with the tenant switch on: the identity stack's device registration policy sets
 * `localAdminPassword.isEnabled` (policies/identity/device-registration.ts).
 */
import type { DeviceManagementConfigurationPolicy } from "@microsoft/microsoft-graph-types-beta";
import { choice, integer, templateSettings } from "../../constructs/settings-catalog";
import { LAPS_TEMPLATE } from "../../facts/intune-templates";
import type { DevicesSpec } from "../../tenants/sections/devices";

const LAPS = "device_vendor_msft_laps_policies";

export function lapsPolicy(prefix: string, d: DevicesSpec): DeviceManagementConfigurationPolicy {
  return {
    name: `${prefix} - Windows - LAPS`,
    description: "Beheerd door werkplek. Lokaal beheerderswachtwoord in Entra ID, lang en complex, vernieuwd na gebruik.",
    platforms: "windows10",
    technologies: "mdm",
    ...templateSettings(
      LAPS_TEMPLATE,
      choice(`${LAPS}_backupdirectory`, "1", [ //                          1 = Entra ID only
        integer(`${LAPS}_passwordagedays_aad`, d.laps.passwordAgeDays),
      ]),
      choice(`${LAPS}_passwordcomplexity`, "4"), //                        4 = upper, lower, digits, special
      integer(`${LAPS}_passwordlength`, d.laps.passwordLength), //         ≥ 14 (CIS 5.1.4.5)
      choice(`${LAPS}_postauthenticationactions`, "3"), //                 3 = reset password and sign out
      integer(`${LAPS}_postauthenticationresetdelay`, 1), //              hours after use
    ),
  };
}
