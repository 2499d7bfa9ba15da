import type { PolicyDefinition } from "../../constructs/conditional-access/definition";
import { AUTHENTICATION_STRENGTHS } from "../../constructs/conditional-access/spec";
import { DIRECTORY_ROLES, PRIVILEGED_ROLES } from "../identity/directory-roles";

/**
 * Highly privileged roles (SCuBA's eight plus Microsoft's template list, by role template id)
 * sign in with FIDO2, Windows Hello or certificate only.
 */
export const CA003: PolicyDefinition = {
  id: "CA003",
  title: "Require phishing-resistant MFA for administrators",
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
