/**
 * Windows compliance policy (beta `deviceManagement/deviceCompliancePolicies`), baselines.md §2.5
 * I3–I6. Beta because TPM, firewall, antivirus and Defender checks exist only there.
 * Conditional access requires a compliant device (MS.AAD.3.7), so this is the gate to work.
 */
import type { Windows10CompliancePolicy } from "@microsoft/microsoft-graph-types-beta";
import { ODataBody } from "../../constructs/graph-body";
import type { DevicesSpec } from "../../tenants/sections/devices";

export function windowsCompliancePolicy(prefix: string, d: DevicesSpec): ODataBody<Windows10CompliancePolicy> {
  return {
    "@odata.type": "#microsoft.graph.windows10CompliancePolicy",
    displayName: `${prefix} - Windows - Naleving`,
    description: "Beheerd door werkplek. BitLocker, Secure Boot, TPM, firewall, Defender en wachtwoord vereist.",
    // Device Health (OIB I3; needs a health-attestation reboot after enrollment)
    bitLockerEnabled: true,
    secureBootEnabled: true,
    codeIntegrityEnabled: true,
    // Device Security (OIB I4)
    tpmRequired: true,
    activeFirewallRequired: true,
    antivirusRequired: true,
    antiSpywareRequired: true,
    storageRequireEncryption: true,
    // Defender (OIB I5)
    defenderEnabled: true,
    rtpEnabled: true,
    signatureOutOfDate: true, // Graph: "require Windows Defender antimalware signature to be up to date"
    // OS version: from the tenant file
    osMinimumVersion: d.compliance.minimumOsVersion,
    // Password (OIB I6)
    passwordRequired: true,
    passwordBlockSimple: true,
    passwordMinimumLength: 8,
    passwordMinutesOfInactivityBeforeLock: 15,
    passwordRequiredType: "alphanumeric",
    // Graph rejects a compliance policy without exactly one block action ("Compliance policy must
    // have one and only one block scheduled action", providers.md §2.5); IntuneProfile checks it.
    scheduledActionsForRule: [
      {
        ruleName: "PasswordRequired",
        scheduledActionConfigurations: [
          { actionType: "block", gracePeriodHours: d.compliance.gracePeriodHours, notificationTemplateId: "", notificationMessageCCList: [] },
        ],
      },
    ],
  };
}
