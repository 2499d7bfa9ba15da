import type { PolicyDefinition } from "./definition";
import { AUTHENTICATION_STRENGTHS } from "../../facts/authentication-strengths";
import { DIRECTORY_ROLES, PRIVILEGED_ROLES } from "../../facts/directory-roles";

/**
 * Highly privileged roles (SCuBA's eight plus Microsoft's template list, by role template id)
 * sign in with FIDO2, Windows Hello or certificate only.
 */
export const CA003: PolicyDefinition = {
  id: "CA003",
  controls: ["MS.AAD.3.6", "CIS 5.2.2.5", "CIS 5.2.2.1", "MT.1006"],
  body: () => ({
    conditions: {
      users: { includeRoles: PRIVILEGED_ROLES.map((role) => DIRECTORY_ROLES[role]) },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
    },
    grantControls: { operator: "OR", authenticationStrength: AUTHENTICATION_STRENGTHS.phishingResistantMfa },
  }),
};
