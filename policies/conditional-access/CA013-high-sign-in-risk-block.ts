import type { PolicyDefinition } from "./definition";

/** Entra ID P2 (`conditionalAccess.riskPolicies`): a sign-in that is very likely not the user is blocked. */
export const CA013: PolicyDefinition = {
  id: "CA013",
  controls: ["MS.AAD.2.3", "CIS 5.2.2.7", "MT.1012", "MT.1049"],
  when: ({ tenant }) => tenant.conditionalAccess.riskPolicies,
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
      signInRiskLevels: ["high"],
    },
    grantControls: { operator: "OR", builtInControls: ["block"] },
  }),
};
