import type { PolicyDefinition } from "../../constructs/conditional-access/definition";
import { AUTHENTICATION_STRENGTHS } from "../../constructs/conditional-access/spec";

/** Everyone, every app, every client: the built-in "Multifactor authentication" strength. */
export const CA002: PolicyDefinition = {
  id: "CA002",
  title: "Require MFA for all users",
  controls: ["MS.AAD.3.2", "CIS 5.2.2.2", "MT.1007"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
    },
    grantControls: { operator: "OR", authenticationStrength: AUTHENTICATION_STRENGTHS.mfa },
  }),
};
