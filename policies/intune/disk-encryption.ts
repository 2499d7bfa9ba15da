/**
 * BitLocker full-disk encryption of the OS drive (settings catalog, beta), baselines.md §2.5 I8
 * (MT.1123): "used space only" leaves deleted data readable. The rest of BitLocker is in
 * endpoint-protection.ts; this policy sets only what that Graph type cannot express.
 */
import type { DeviceManagementConfigurationPolicy } from "@microsoft/microsoft-graph-types-beta";
import { choice, settings } from "../../constructs/settings-catalog";

const ENCRYPTION_TYPE = "device_vendor_msft_bitlocker_systemdrivesencryptiontype";

export function diskEncryption(prefix: string): DeviceManagementConfigurationPolicy {
  return {
    name: `${prefix} - Windows - BitLocker volledige schijf`,
    description: "Beheerd door werkplek. OS-schijf volledig versleuteld (niet enkel gebruikte ruimte).",
    platforms: "windows10",
    technologies: "mdm",
    settings: settings(
      choice(ENCRYPTION_TYPE, "1", [
        choice(`${ENCRYPTION_TYPE}_osencryptiontypedropdown_name`, "1"), //  MT.1123: 1 = full encryption
      ]),
    ),
  };
}
