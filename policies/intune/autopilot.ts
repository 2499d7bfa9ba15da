/**
 * Windows Autopilot deployment profile (beta `deviceManagement/windowsAutopilotDeploymentProfiles`):
 * Entra join, user-driven, the user is a standard (non-admin) user (CIS 5.1.4.3/5.1.4.4, OIB).
 * Beta because the join type is the derived type `azureADWindowsAutopilotDeploymentProfile` (v1.0
 * has neither it nor the collection). Property names are the current ones: `language`,
 * `extractHardwareHash`, `enableWhiteGlove` and `outOfBoxExperienceSettings` are read-only and
 * deprecated since May 2024, and a profile sent with them would fall back to the defaults (the user
 * an administrator). Source: Graph beta reference
 * resources/intune-enrollment-windowsautopilotdeploymentprofile.md and
 * resources/intune-enrollment-outofboxexperiencesetting.md (microsoftgraph/microsoft-graph-docs-contrib).
 */
import type { AzureADWindowsAutopilotDeploymentProfile } from "@microsoft/microsoft-graph-types-beta";
import { ODataBody } from "../../constructs/graph-body";
import type { DevicesSpec } from "../../tenants/sections/devices";

export function autopilotProfile(prefix: string, d: DevicesSpec): ODataBody<AzureADWindowsAutopilotDeploymentProfile> {
  return {
    "@odata.type": "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile", // Entra join
    displayName: `${prefix} - Windows - Autopilot`,
    description: "Beheerd door werkplek. Entra join, gebruikersgestuurd, standaardgebruiker.",
    deviceNameTemplate: d.autopilot.deviceNameTemplate,
    deviceType: "windowsPc",
    locale: d.autopilot.language,
    hardwareHashExtractionEnabled: true, //                              convert existing laptops to Autopilot
    preprovisioningAllowed: false,
    outOfBoxExperienceSetting: {
      deviceUsageType: "singleUser", //                                  user-driven
      userType: "standard", //                                           no local admin for the user
      privacySettingsHidden: true,
      eulaHidden: true,
      escapeLinkHidden: true, //                                         no "sign in with another account"
      keyboardSelectionPageSkipped: false,
    },
  };
}
