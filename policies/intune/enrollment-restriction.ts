/**
 * Default enrollment platform restriction (the "All users" restriction every tenant has),
 * baselines.md §2.5 I2: personally owned Windows devices cannot enroll (CIS 4.2). Autopilot
 * laptops are corporate and still enroll. The default cannot be assigned: it applies to every
 * user, which is the point.
 *
 * `windowsRestriction` is a complex value: a PATCH replaces it whole, so every field of
 * `deviceEnrollmentPlatformRestriction` (v1.0) is sent, the OS range left open. Source: Graph v1.0
 * api/intune-onboarding-deviceenrollmentplatformrestrictionsconfiguration-update.md (its example sends
 * all four fields) and the v1.0 metadata.
 */
import type { DeviceEnrollmentPlatformRestrictionsConfiguration } from "@microsoft/microsoft-graph-types";
import { ODataBody } from "../../constructs/graph-body";

export const DEFAULT_PLATFORM_RESTRICTION_ODATA_TYPE = "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration";

export const defaultPlatformRestriction: ODataBody<DeviceEnrollmentPlatformRestrictionsConfiguration> = {
  "@odata.type": DEFAULT_PLATFORM_RESTRICTION_ODATA_TYPE,
  windowsRestriction: {
    platformBlocked: false, //                                          Windows laptops enroll
    personalDeviceEnrollmentBlocked: true, //                           CIS 4.2
    osMinimumVersion: null, //                                          compliance checks the build
    osMaximumVersion: null,
  },
};
