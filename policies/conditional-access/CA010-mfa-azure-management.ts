import type { PolicyDefinition } from "./definition";
import { WELL_KNOWN_APPS } from "../../facts/applications";

/** Azure portal, CLI and PowerShell (where the Awingu VM lives): MFA for everyone. */
export const CA010: PolicyDefinition = {
  id: "CA010",
  controls: ["MT.1008"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"] },
      applications: { includeApplications: [WELL_KNOWN_APPS.azureManagement] },
      clientAppTypes: ["all"],
    },
    grantControls: { operator: "OR", builtInControls: ["mfa"] },
  }),
};
