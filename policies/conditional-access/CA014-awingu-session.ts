import type { PolicyDefinition } from "../../constructs/conditional-access/definition";

/**
 * The Awingu workspace (SAML enterprise application from the remote-access stack): MFA at every
 * entry and no "stay signed in", whatever the device. Present only when the remote-access stack
 * passes the application's client id (`apps.awinguClientId`).
 */
export const CA014: PolicyDefinition = {
  id: "CA014",
  title: "Require MFA and no persistent browser for Awingu",
  controls: ["MT.1017"],
  when: ({ apps }) => apps.awinguClientId !== undefined,
  body: ({ tenant, apps }) => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: [apps.awinguClientId!] },
      clientAppTypes: ["all"],
    },
    grantControls: { operator: "OR", builtInControls: ["mfa"] },
    sessionControls: {
      persistentBrowser: "never",
      signInFrequency: { value: tenant.conditionalAccess.browserSessionHours, type: "hours" },
    },
  }),
};
