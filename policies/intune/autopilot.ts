/**
 * Windows Autopilot deployment profile (beta `deviceManagement/windowsAutopilotDeploymentProfiles`):
 * Entra join, user-driven, the user is a standard (non-admin) user (CIS 5.1.4.3/5.1.4.4, OIB).
 * Beta because the join type is the derived type `azureADWindowsAutopilotDeploymentProfile`.
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
    language: d.autopilot.language,
    extractHardwareHash: true, //                                        convert existing laptops to Autopilot
    enableWhiteGlove: false,
    outOfBoxExperienceSettings: {
      deviceUsageType: "singleUser", //                                  user-driven
      userType: "standard", //                                           no local admin for the user
      hidePrivacySettings: true,
      hideEULA: true,
      hideEscapeLink: true, //                                           no "sign in with another account"
      skipKeyboardSelectionPage: false,
    },
  };
}
