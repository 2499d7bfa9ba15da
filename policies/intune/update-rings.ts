/**
 * Windows Update for Business rings (beta `windowsUpdateForBusinessConfiguration`), baselines.md
 * §2.5 I16 (OIB update rings, MT.1102). Pilot gets updates first; production waits, with the
 * deferrals, deadlines and grace periods of the tenant file. Users cannot pause updates.
 * Beta for the deadline and restart fields (providers.md §5.3).
 */
import type { WindowsUpdateForBusinessConfiguration } from "@microsoft/microsoft-graph-types-beta";
import { ODataBody } from "../../constructs/graph-body";
import type { UpdateRing } from "../../tenants/sections/devices";

export type RingName = "pilot" | "production";
const RING_LABEL: Record<RingName, string> = { pilot: "piloot", production: "productie" };

export function updateRing(prefix: string, name: RingName, ring: UpdateRing): ODataBody<WindowsUpdateForBusinessConfiguration> {
  return {
    "@odata.type": "#microsoft.graph.windowsUpdateForBusinessConfiguration",
    displayName: `${prefix} - Windows - Updatering ${RING_LABEL[name]}`,
    description: `Beheerd door werkplek. Updatering ${RING_LABEL[name]}.`,
    qualityUpdatesDeferralPeriodInDays: ring.qualityDeferralDays,
    featureUpdatesDeferralPeriodInDays: ring.featureDeferralDays,
    deadlineForQualityUpdatesInDays: ring.qualityDeadlineDays,
    deadlineForFeatureUpdatesInDays: ring.featureDeadlineDays,
    deadlineGracePeriodInDays: ring.gracePeriodDays,
    postponeRebootUntilAfterDeadline: false,
    userPauseAccess: "disabled", //                                      I16: users cannot pause
    userWindowsUpdateScanAccess: "enabled",
    qualityUpdatesPaused: false,
    featureUpdatesPaused: false,
    automaticUpdateMode: "autoInstallAtMaintenanceTime",
    businessReadyUpdatesOnly: "all", //                                   general availability channel
    microsoftUpdateServiceAllowed: true, //                               Office and driver updates too
    driversExcluded: false,
    allowWindows11Upgrade: true,
    featureUpdatesRollbackWindowInDays: 10,
    updateNotificationLevel: "defaultNotifications",
    installationSchedule: {
      "@odata.type": "#microsoft.graph.windowsUpdateActiveHoursInstall",
      activeHoursStart: "08:00:00.0000000",
      activeHoursEnd: "18:00:00.0000000",
    } as WindowsUpdateForBusinessConfiguration["installationSchedule"],
  };
}
