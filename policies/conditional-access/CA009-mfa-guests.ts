import type { PolicyDefinition } from "./definition";
import { GUEST_TYPES } from "../../constructs/conditional-access/spec";

/** Guests (a neighbouring municipality, a supplier) do MFA too, with their home tenant's methods. */
export const CA009: PolicyDefinition = {
  id: "CA009",
  controls: ["MT.1016"],
  body: () => ({
    conditions: {
      users: { includeGuestsOrExternalUsers: GUEST_TYPES },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
    },
    grantControls: { operator: "OR", builtInControls: ["mfa"] },
  }),
};
