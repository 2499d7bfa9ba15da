/**
 * Tenant compliance settings (`deviceManagement` → `settings`), baselines.md §2.5 I1:
 * a device without a compliance policy is NOT compliant (CIS 4.1, MT.1054).
 */
import type { DeviceManagement } from "@microsoft/microsoft-graph-types";
import type { DevicesSpec } from "../../tenants/sections/devices";

export function complianceSettings(d: DevicesSpec): DeviceManagement {
  return {
    settings: {
      secureByDefault: true, //                                        CIS 4.1, MT.1054
      deviceComplianceCheckinThresholdDays: d.compliance.checkinThresholdDays,
      // sent explicitly: a PATCH of the settings object may reset properties it leaves out
      isScheduledActionEnabled: true,
    },
  };
}
