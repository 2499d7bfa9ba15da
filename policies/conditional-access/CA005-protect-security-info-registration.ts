import type { PolicyDefinition } from "./definition";
import { GUEST_TYPES } from "../../constructs/conditional-access/spec";

/**
 * Registering MFA methods only from a managed device (SCuBA's reading). Guests register their
 * methods in their home tenant and have no device here, so they are out of scope.
 */
export const CA005: PolicyDefinition = {
  id: "CA005",
  controls: ["MS.AAD.3.8", "CIS 5.2.2.10", "MT.1011"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"], excludeGuestsOrExternalUsers: GUEST_TYPES },
      applications: { includeUserActions: ["urn:user:registersecurityinfo"] },
      clientAppTypes: ["all"],
    },
    grantControls: { operator: "OR", builtInControls: ["compliantDevice", "domainJoinedDevice"] },
  }),
};
