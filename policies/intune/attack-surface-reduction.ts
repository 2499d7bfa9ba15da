/**
 * Attack surface reduction rules in AUDIT mode (settings catalog, beta), baselines.md §2.5 I13
 * (MT.1178, OIB "ASR Rules (Audit Mode)"). Audit first: the events show which line-of-business
 * apps a rule would break; switching a rule to block is a reviewed change of this table.
 */
import type { DeviceManagementConfigurationPolicy, DeviceManagementConfigurationTechnologies } from "@microsoft/microsoft-graph-types-beta";
import { choice, group, settings } from "../../constructs/settings-catalog";

const ASR = "device_vendor_msft_policy_config_defender_attacksurfacereductionrules";

export type AsrMode = "audit" | "block" | "warn" | "off";

/** Rule (suffix of the setting id) → mode. */
export const ASR_RULES: Readonly<Record<string, AsrMode>> = {
  blockexecutionofpotentiallyobfuscatedscripts: "audit",
  blockwin32apicallsfromofficemacros: "audit",
  blockexecutablefilesrunningunlesstheymeetprevalenceagetrustedlistcriterion: "audit",
  blockofficecommunicationappfromcreatingchildprocesses: "audit",
  blockallofficeapplicationsfromcreatingchildprocesses: "audit",
  blockadobereaderfromcreatingchildprocesses: "audit",
  blockcredentialstealingfromwindowslocalsecurityauthoritysubsystem: "audit",
  blockjavascriptorvbscriptfromlaunchingdownloadedexecutablecontent: "audit",
  blockuntrustedunsignedprocessesthatrunfromusb: "audit",
  blockpersistencethroughwmieventsubscription: "audit",
  blockuseofcopiedorimpersonatedsystemtools: "audit",
  blockabuseofexploitedvulnerablesigneddrivers: "audit",
};

export function attackSurfaceReduction(prefix: string): DeviceManagementConfigurationPolicy {
  return {
    name: `${prefix} - Windows - ASR-regels (audit)`,
    description: "Beheerd door werkplek. Regels voor het verminderen van de aanvalsoppervlakte in auditmodus.",
    platforms: "windows10",
    // a flags string ("mdm,microsoftSense"); the generated type lists single values only
    technologies: "mdm,microsoftSense" as DeviceManagementConfigurationTechnologies,
    settings: settings(group(ASR, Object.entries(ASR_RULES).map(([rule, mode]) => choice(`${ASR}_${rule}`, mode)))),
  };
}
