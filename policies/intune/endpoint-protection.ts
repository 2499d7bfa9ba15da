/**
 * Endpoint protection (beta `windows10EndpointProtectionConfiguration`), baselines.md §2.5
 * I8/I14: firewall on with inbound blocked by default for the domain, private and public
 * profiles; BitLocker on the OS drive, silent, XTS-AES 256, recovery information escrowed to
 * Entra ID before encryption starts, recovery password rotated after use. Beta because the
 * system-drive policy and the rotation exist only there. Full-disk (not used-space-only)
 * encryption is not a property of this type: disk-encryption.ts sets it (settings catalog).
 */
import type { WindowsFirewallNetworkProfile, Windows10EndpointProtectionConfiguration } from "@microsoft/microsoft-graph-types-beta";
import { ODataBody } from "../../constructs/graph-body";

const firewallOn: WindowsFirewallNetworkProfile = {
  firewallEnabled: "allowed", //                                          I14: firewall on
  inboundConnectionsBlocked: true, //                                    I14: default inbound action block
  outboundConnectionsBlocked: false,
};

export function endpointProtection(prefix: string): ODataBody<Windows10EndpointProtectionConfiguration> {
  return {
    "@odata.type": "#microsoft.graph.windows10EndpointProtectionConfiguration",
    displayName: `${prefix} - Windows - Firewall en BitLocker`,
    description: "Beheerd door werkplek. Firewall aan voor alle profielen; BitLocker met herstelsleutel in Entra ID.",
    firewallProfileDomain: firewallOn,
    firewallProfilePrivate: firewallOn,
    firewallProfilePublic: firewallOn,
    bitLockerEncryptDevice: true, //                                      I8
    bitLockerDisableWarningForOtherDiskEncryption: true, //               silent encryption
    bitLockerAllowStandardUserEncryption: true, //                        standard users (Autopilot) still encrypt
    bitLockerRecoveryPasswordRotation: "enabledForAzureAd", //            new password after each use
    bitLockerSystemDrivePolicy: {
      encryptionMethod: "xtsAes256",
      startupAuthenticationRequired: true,
      startupAuthenticationBlockWithoutTpmChip: true,
      startupAuthenticationTpmUsage: "allowed",
      recoveryOptions: {
        blockDataRecoveryAgent: true,
        recoveryPasswordUsage: "allowed",
        recoveryKeyUsage: "allowed",
        hideRecoveryOptions: true, //                                     users cannot skip escrow
        enableRecoveryInformationSaveToStore: true, //                    I8: escrow to Entra ID
        recoveryInformationToStore: "passwordAndKey",
        enableBitLockerAfterRecoveryInformationToStore: true, //          no encryption without escrow
      },
    },
  };
}
