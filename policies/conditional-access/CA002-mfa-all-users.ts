import type { PolicyDefinition } from "./definition";
import { AUTHENTICATION_STRENGTHS } from "../../facts/authentication-strengths";

/** Everyone, every app, every client: the built-in "Multifactor authentication" strength. */
export const CA002: PolicyDefinition = {
  id: "CA002",
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
