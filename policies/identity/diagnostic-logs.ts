/**
 * Entra ID log categories sent to Log Analytics (MS.AAD.4.1, CIS 3.1.1). Categories that need
 * Entra ID P2 (risk events) are left out; add them when the tenant licenses P2.
 */
export const ENTRA_LOG_CATEGORIES = [
  "AuditLogs",
  "SignInLogs",
  "NonInteractiveUserSignInLogs",
  "ServicePrincipalSignInLogs",
  "ManagedIdentitySignInLogs",
  "ProvisioningLogs",
  "MicrosoftGraphActivityLogs",
] as const;
