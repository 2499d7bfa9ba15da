import type { PolicyDefinition } from "./definition";

/**
 * Entra ID P2 (`conditionalAccess.riskPolicies`), the default `highUserRisk.action: block`: a user
 * whose account is very likely compromised is blocked until an administrator has looked at it and
 * reset the password (SCuBA MS.AAD.2.1; ScubaGear wants "high" in userRiskLevels and a block).
 * User risk and sign-in risk stay in separate policies (MT.1049). Maester's MT.1013 looks for the
 * password-change variant (CA012) and fails on this one: a known difference between the two tools.
 */
export const CA016: PolicyDefinition = {
  id: "CA016",
  controls: ["MS.AAD.2.1", "CIS 5.2.2.6", "MT.1049"],
  when: ({ tenant }) => tenant.conditionalAccess.riskPolicies && tenant.conditionalAccess.highUserRisk.action === "block",
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
      userRiskLevels: ["high"],
    },
    grantControls: { operator: "OR", builtInControls: ["block"] },
  }),
};
