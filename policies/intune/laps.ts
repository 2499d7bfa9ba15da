/**
 * Windows LAPS (settings catalog, beta), baselines.md §2.5 I10 (CIS 5.1.4.5, MT.1177): the
 * local administrator password is backed up to Entra ID only, long and complex, and reset after
 * someone used it. Entra LAPS itself must be on in the tenant's device settings.
 */
import type { DeviceManagementConfigurationPolicy } from "@microsoft/microsoft-graph-types-beta";
import { choice, integer, settings } from "../../constructs/settings-catalog";
import type { DevicesSpec } from "../../tenants/sections/devices";

const LAPS = "device_vendor_msft_laps_policies";

export function lapsPolicy(prefix: string, d: DevicesSpec): DeviceManagementConfigurationPolicy {
  return {
    name: `${prefix} - Windows - LAPS`,
    description: "Beheerd door werkplek. Lokaal beheerderswachtwoord in Entra ID, lang en complex, vernieuwd na gebruik.",
    platforms: "windows10",
    technologies: "mdm",
    settings: settings(
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
