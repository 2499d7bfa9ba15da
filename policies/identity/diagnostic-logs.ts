/**
 * Entra ID log categories sent to Log Analytics (MS.AAD.4.1, CIS 3.1.1), as azurerm's
 * `azurerm_monitor_aad_diagnostic_setting` names them (enabled_log.category).
 *
 * The four ID Protection categories stream in every tenant (Microsoft Learn, entra/id-protection/
 * howto-export-risk-data); without Entra ID P2 (and Workload ID Premium for service principals)
 * Entra hides the risk details in them, but the events still show that something was detected.
 * No category of this list needs P2 to be selected, so the list is the same for every tenant.
 */
export const ENTRA_LOG_CATEGORIES = [
  "AuditLogs",
  "SignInLogs",
  "NonInteractiveUserSignInLogs",
  "ServicePrincipalSignInLogs",
  "ManagedIdentitySignInLogs",
  "ProvisioningLogs",
  "MicrosoftGraphActivityLogs",
  "RiskyUsers",
  "UserRiskEvents",
  "RiskyServicePrincipals",
  "ServicePrincipalRiskEvents",
] as const;
