/**
 * First-party Microsoft application ids that policies target: identical in every tenant.
 * Source: learn.microsoft.com/troubleshoot/azure/entra/entra-id/governance/verify-first-party-apps-sign-in
 */
export const WELL_KNOWN_APPS = {
  /** "Windows Azure Service Management API": portal, CLI, PowerShell, ARM. Not part of Office365. */
  azureManagement: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
} as const;
