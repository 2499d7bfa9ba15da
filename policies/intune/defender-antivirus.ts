/**
 * Microsoft Defender Antivirus (beta `windows10GeneralConfiguration`, Defender part),
 * baselines.md §2.5 I12 (MT.1148–MT.1171, OIB AV configuration). Beta because blocking
 * potentially unwanted apps and sample submission exist only there.
 */
import type { Windows10GeneralConfiguration } from "@microsoft/microsoft-graph-types-beta";
import { ODataBody } from "../../constructs/graph-body";

export function defenderAntivirus(prefix: string): ODataBody<Windows10GeneralConfiguration> {
  return {
    "@odata.type": "#microsoft.graph.windows10GeneralConfiguration",
    displayName: `${prefix} - Windows - Defender Antivirus`,
    description: "Beheerd door werkplek. Realtime bescherming, cloudbescherming hoog, PUA geblokkeerd, geplande scans.",
    defenderRequireRealTimeMonitoring: true, //                          MT: real-time protection on
    defenderRequireBehaviorMonitoring: true,
    defenderRequireNetworkInspectionSystem: true,
    defenderRequireCloudProtection: true,
    defenderCloudBlockLevel: "high", //                                   I12: cloud block level ≥ high
    defenderCloudExtendedTimeoutInSeconds: 50, //                         I12: 30–50 s
    defenderPotentiallyUnwantedAppAction: "block", //                     I12: PUA protection on
    defenderSubmitSamplesConsentType: "sendSafeSamplesAutomatically", //  I12
    defenderScanArchiveFiles: true,
    defenderScanDownloads: true,
    defenderScanIncomingMail: true,
    defenderScanScriptsLoadedInInternetExplorer: true,
    defenderScanRemovableDrivesDuringFullScan: true,
    defenderScanNetworkFiles: true,
    defenderMonitorFileActivity: "monitorAllFiles", //                    I12: both directions
    defenderSignatureUpdateIntervalInHours: 4, //                         I12: every 1–4 h
    defenderScanMaxCpu: 30, //                                            I12: 20–30 %
    defenderBlockEndUserAccess: false, //                                 users can see Defender, not turn it off
    defenderScanType: "quick", //                                         scheduled scans
    defenderSystemScanSchedule: "everyday",
    defenderScheduledQuickScanTime: "12:00:00.0000000", //                lunch: laptops are on
    defenderScheduledScanTime: "12:00:00.0000000",
  };
}
