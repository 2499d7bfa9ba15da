import type { PolicyDefinition } from "./definition";

/**
 * Entra ID P2 (`conditionalAccess.riskPolicies`) with `highUserRisk.action: passwordChange` (a
 * stated deviation from SCuBA's block, CA016): a user whose credentials look leaked changes the
 * password after MFA. Entra requires MFA AND password change, all apps, and a sign-in every time.
 * User risk and sign-in risk stay in separate policies (MT.1049).
 */
export const CA012: PolicyDefinition = {
  id: "CA012",
  controls: ["CIS 5.2.2.6", "MT.1013", "MT.1049"],
  when: ({ tenant }) => tenant.conditionalAccess.riskPolicies && tenant.conditionalAccess.highUserRisk.action === "passwordChange",
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
      userRiskLevels: ["high"],
    },
    grantControls: { operator: "AND", builtInControls: ["mfa", "passwordChange"] },
    sessionControls: { signInFrequency: "everyTime" },
  }),
};
