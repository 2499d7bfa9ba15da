import type { PolicyDefinition } from "./definition";
import { GUEST_TYPES } from "../../constructs/conditional-access/spec";

/**
 * Desktop and mobile apps (Outlook, Teams, OneDrive sync) keep data on the device, so only on a
 * managed one. Private computers use the browser (CA007). Guests have no device here.
 */
export const CA006: PolicyDefinition = {
  id: "CA006",
  controls: ["MS.AAD.3.7", "CIS 5.2.2.9", "MT.1001"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"], excludeGuestsOrExternalUsers: GUEST_TYPES },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["mobileAppsAndDesktopClients"],
    },
    grantControls: { operator: "OR", builtInControls: ["compliantDevice", "domainJoinedDevice"] },
  }),
};
