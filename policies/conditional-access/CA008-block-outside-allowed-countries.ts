import type { PolicyDefinition } from "./definition";

/** Sign-ins only from the tenant's `allowedCountries` (or its trusted office ranges). */
export const CA008: PolicyDefinition = {
  id: "CA008",
  controls: ["MS template: block access by location"],
  body: ({ tenant }) => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
      locations: {
        includeLocations: ["All"],
        excludeLocations: tenant.trustedIpRanges.length > 0 ? ["allowedCountries", "trustedOffice"] : ["allowedCountries"],
      },
    },
    grantControls: { operator: "OR", builtInControls: ["block"] },
  }),
};
