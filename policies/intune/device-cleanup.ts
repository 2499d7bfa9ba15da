/**
 * Device clean-up rule (beta `deviceManagement` → `managedDeviceCleanupSettings`), baselines.md
 * §2.5 I17 (MT.1053): Intune removes laptops that have not checked in for the tenant file's
 * number of days, so stale devices do not linger as compliant.
 */
import type { DeviceManagement } from "@microsoft/microsoft-graph-types-beta";
import type { DevicesSpec } from "../../tenants/sections/devices";

export function deviceCleanup(d: DevicesSpec): DeviceManagement {
  return {
    // Graph types this as a string
    managedDeviceCleanupSettings: { deviceInactivityBeforeRetirementInDays: String(d.cleanupAfterDays) },
  };
}
