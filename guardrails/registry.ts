/**
 * Every guardrail rule, in catalogue order (by area, then number). A test fails when a rule file
 * under guardrails/<area>/ is missing here, or when two rules share an id.
 */
import type { Rule } from "./rule";
import identityDestroyProtection from "./identity/identity-destroy-protection";
import appRegistrationRestricted from "./identity/app-registration-restricted";
import userConsentRestricted from "./identity/user-consent-restricted";
import guestAccessRestricted from "./identity/guest-access-restricted";
import guestInvitesRestricted from "./identity/guest-invites-restricted";
import userCreationRights from "./identity/user-creation-rights";
import adminConsentWorkflow from "./identity/admin-consent-workflow";
import msolPowershellBlocked from "./identity/msol-powershell-blocked";
import weakMethodsDisabled from "./identity/weak-methods-disabled";
import authenticatorContext from "./identity/authenticator-context";
import entraLogsExported from "./identity/entra-logs-exported";
import groupCreationRestricted from "./identity/group-creation-restricted";
import m365GroupsPrivate from "./identity/m365-groups-private";
import rolesOnProtectedGroups from "./identity/roles-on-protected-groups";
import noGlobalAdminInCode from "./identity/no-global-admin-in-code";
import adminConsentRequestsSetting from "./identity/admin-consent-requests-setting";
import appCredentialsRestricted from "./identity/app-credentials-restricted";
import passwordsNeverExpire from "./identity/passwords-never-expire";
import passwordProtection from "./identity/password-protection";
import ssprAndRiskyConsent from "./identity/sspr-and-risky-consent";
import passkeyModelsRestricted from "./identity/passkey-models-restricted";
import deviceJoinRestricted from "./identity/device-join-restricted";
import noLocalAdminsByJoin from "./identity/no-local-admins-by-join";
import breakGlassExcluded from "./conditional-access/break-glass-excluded";
import legacyAuthBlocked from "./conditional-access/legacy-auth-blocked";
import mfaAllUsers from "./conditional-access/mfa-all-users";
import phishingResistantAdmins from "./conditional-access/phishing-resistant-admins";
import compliantDevice from "./conditional-access/compliant-device";
import securityInfoRegistration from "./conditional-access/security-info-registration";
import deviceCodeFlowBlocked from "./conditional-access/device-code-flow-blocked";
import noExcludedRoles from "./conditional-access/no-excluded-roles";
import enforced from "./conditional-access/enforced";
import exclusionsOnlyBreakGlass from "./conditional-access/exclusions-only-break-glass";
import riskConditionsSeparate from "./conditional-access/risk-conditions-separate";
import targetsResources from "./conditional-access/targets-resources";
import noApprovedClientApp from "./conditional-access/no-approved-client-app";
import phishingResistantAllUsers from "./conditional-access/phishing-resistant-all-users";
import highUserRiskBlocked from "./conditional-access/high-user-risk-blocked";
import anonymousCannotStartMeetings from "./teams/anonymous-cannot-start-meetings";
import externalNoScreenControl from "./teams/external-no-screen-control";
import lobbyNotBypassedByEveryone from "./teams/lobby-not-bypassed-by-everyone";
import dialInWaitsInLobby from "./teams/dial-in-waits-in-lobby";
import recordingOffByDefault from "./teams/recording-off-by-default";
import externalAccessAllowList from "./teams/external-access-allow-list";
import consumerContactBlocked from "./teams/consumer-contact-blocked";
import noEmailIntoChannels from "./teams/no-email-into-channels";
import noThirdPartyStorage from "./teams/no-third-party-storage";
import appsAllowListed from "./teams/apps-allow-listed";
import complianceDeviceHealth from "./intune/compliance-device-health";
import complianceDeviceSecurity from "./intune/compliance-device-security";
import complianceDefender from "./intune/compliance-defender";
import complianceMinimumOs from "./intune/compliance-minimum-os";
import updateRingDeadlines from "./intune/update-ring-deadlines";
import secureByDefault from "./intune/secure-by-default";
import remoteSupportGoverned from "./intune/remote-support-governed";
import remoteHelpUnenrolled from "./intune/remote-help-unenrolled";
import remoteHelpElevation from "./intune/remote-help-elevation";
import sshNotOpen from "./remote-access/ssh-not-open";
import rdpNotOpen from "./remote-access/rdp-not-open";
import udpNotOpen from "./remote-access/udp-not-open";
import wafPrevention from "./remote-access/waf-prevention";
import httpsListeners from "./remote-access/https-listeners";
import tlsPolicy from "./remote-access/tls-policy";
import vmSshKeysOnly from "./remote-access/vm-ssh-keys-only";
import vmEncryptionAtHost from "./remote-access/vm-encryption-at-host";
import vmNoPublicIp from "./remote-access/vm-no-public-ip";
import vmImagePinned from "./remote-access/vm-image-pinned";
import internetOnlyHttpsToGateway from "./remote-access/internet-only-https-to-gateway";
import subnetsHaveNsg from "./remote-access/subnets-have-nsg";
import keyVaultRecoverable from "./remote-access/key-vault-recoverable";
import keyVaultNetwork from "./remote-access/key-vault-network";
import subnetsPrivate from "./remote-access/subnets-private";
import bastionLogged from "./remote-access/bastion-logged";
import vmTrustedLaunch from "./remote-access/vm-trusted-launch";
import vmPatchAssessment from "./remote-access/vm-patch-assessment";
import vmDefender from "./remote-access/vm-defender";
import keyVaultDefender from "./remote-access/key-vault-defender";
import noPublicBlobs from "./state/no-public-blobs";
import entraAuthOnly from "./state/entra-auth-only";
import secureTransfer from "./state/secure-transfer";
import recoverableBlobs from "./state/recoverable-blobs";
import networkRestricted from "./state/network-restricted";
import statefulDestroyProtection from "./state/stateful-destroy-protection";
import backendOidc from "./state/backend-oidc";
import noLocalUsers from "./state/no-local-users";
import backupImmutable from "./state/backup-immutable";
import stateBlobsLogged from "./state/state-blobs-logged";
import storageDefender from "./state/storage-defender";
import noSecretMaterial from "./secrets/no-secret-material";

export const RULES: readonly Rule[] = [
  identityDestroyProtection,
  appRegistrationRestricted,
  userConsentRestricted,
  guestAccessRestricted,
  guestInvitesRestricted,
  userCreationRights,
  adminConsentWorkflow,
  msolPowershellBlocked,
  weakMethodsDisabled,
  authenticatorContext,
  entraLogsExported,
  groupCreationRestricted,
  m365GroupsPrivate,
  rolesOnProtectedGroups,
  noGlobalAdminInCode,
  adminConsentRequestsSetting,
  appCredentialsRestricted,
  passwordsNeverExpire,
  passwordProtection,
  ssprAndRiskyConsent,
  passkeyModelsRestricted,
  deviceJoinRestricted,
  noLocalAdminsByJoin,
  breakGlassExcluded,
  legacyAuthBlocked,
  mfaAllUsers,
  phishingResistantAdmins,
  compliantDevice,
  securityInfoRegistration,
  deviceCodeFlowBlocked,
  noExcludedRoles,
  enforced,
  exclusionsOnlyBreakGlass,
  riskConditionsSeparate,
  targetsResources,
  noApprovedClientApp,
  phishingResistantAllUsers,
  highUserRiskBlocked,
  anonymousCannotStartMeetings,
  externalNoScreenControl,
  lobbyNotBypassedByEveryone,
  dialInWaitsInLobby,
  recordingOffByDefault,
  externalAccessAllowList,
  consumerContactBlocked,
  noEmailIntoChannels,
  noThirdPartyStorage,
  appsAllowListed,
  complianceDeviceHealth,
  complianceDeviceSecurity,
  complianceDefender,
  complianceMinimumOs,
  updateRingDeadlines,
  secureByDefault,
  remoteSupportGoverned,
  remoteHelpUnenrolled,
  remoteHelpElevation,
  sshNotOpen,
  rdpNotOpen,
  udpNotOpen,
  wafPrevention,
  httpsListeners,
  tlsPolicy,
  internetOnlyHttpsToGateway,
  subnetsHaveNsg,
  subnetsPrivate,
  bastionLogged,
  vmSshKeysOnly,
  vmEncryptionAtHost,
  vmNoPublicIp,
  vmImagePinned,
  vmTrustedLaunch,
  vmPatchAssessment,
  vmDefender,
  keyVaultRecoverable,
  keyVaultNetwork,
  keyVaultDefender,
  noPublicBlobs,
  entraAuthOnly,
  secureTransfer,
  recoverableBlobs,
  networkRestricted,
  statefulDestroyProtection,
  backendOidc,
  noLocalUsers,
  backupImmutable,
  stateBlobsLogged,
  storageDefender,
  noSecretMaterial,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
