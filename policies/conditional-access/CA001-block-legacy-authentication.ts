import type { PolicyDefinition } from "./definition";

/** Legacy protocols (POP, IMAP, SMTP AUTH, old Office, ActiveSync basic auth) cannot do MFA. */
export const CA001: PolicyDefinition = {
  id: "CA001",
  controls: ["MS.AAD.1.1", "CIS 5.2.2.3", "MT.1009", "MT.1010"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["exchangeActiveSync", "other"],
    },
    grantControls: { operator: "OR", builtInControls: ["block"] },
  }),
};
