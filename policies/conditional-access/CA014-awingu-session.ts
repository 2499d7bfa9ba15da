import type { PolicyDefinition } from "./definition";

/**
 * The Awingu workspace (SAML enterprise application from the remote-access stack): MFA at every
 * entry and a new sign-in after the browser-session hours, whatever the device. Present only when
 * the remote-access stack passes the application's client id (`apps.awinguClientId`).
 *
 * "No persistent browser" is not set here: Entra applies that session control correctly only to
 * policies on all cloud apps (Graph conditionalAccessSessionControls), so for Awingu it comes from
 * CA007 (every app, unmanaged devices), which is how staff reach Awingu from home.
 */
export const CA014: PolicyDefinition = {
  id: "CA014",
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
      signInFrequency: { value: tenant.conditionalAccess.browserSessionHours, type: "hours" },
    },
  }),
};
