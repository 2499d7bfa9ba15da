import type { PolicyDefinition } from "./definition";

/** A sign-in whose device platform Entra cannot tell is a script or a spoofed client. */
export const CA011: PolicyDefinition = {
  id: "CA011",
  controls: ["MT.1015"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
      platforms: { includePlatforms: ["all"], excludePlatforms: ["android", "iOS", "linux", "macOS", "windows"] },
    },
    grantControls: { operator: "OR", builtInControls: ["block"] },
  }),
};
