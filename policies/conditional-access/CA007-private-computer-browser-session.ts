import type { PolicyDefinition } from "./definition";

/**
 * Telework on a private computer: the browser only (CA006 keeps apps off unmanaged devices),
 * with SharePoint/Exchange limiting downloads, no "stay signed in", and a fresh sign-in after
 * the tenant's `conditionalAccess.browserSessionHours`.
 */
export const CA007: PolicyDefinition = {
  id: "CA007",
  controls: ["CIS 5.2.2.4", "MT.1017", "MT.1018", "MT.1019"],
  body: ({ tenant }) => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["browser"],
      devices: { only: "unmanaged" },
    },
    sessionControls: {
      applicationEnforcedRestrictions: true,
      persistentBrowser: "never",
      signInFrequency: { value: tenant.conditionalAccess.browserSessionHours, type: "hours" },
    },
  }),
};
