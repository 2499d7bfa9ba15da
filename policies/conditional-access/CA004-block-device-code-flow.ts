import type { PolicyDefinition } from "./definition";

/** Device code flow is the favourite phishing trick; nobody in a municipality needs it. */
export const CA004: PolicyDefinition = {
  id: "CA004",
  controls: ["MS.AAD.3.9", "CIS 5.2.2.12", "MT.1052"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
      authenticationFlows: { transferMethods: ["deviceCodeFlow"] },
    },
    grantControls: { operator: "OR", builtInControls: ["block"] },
  }),
};
