import type { PolicyDefinition } from "./definition";
import { AUTHENTICATION_STRENGTHS } from "../../facts/authentication-strengths";
import { GUEST_TYPES } from "../../constructs/conditional-access/spec";

/**
 * Everyone signs in with a passkey (FIDO2 key or Microsoft Authenticator), Windows Hello or a
 * certificate: the built-in "Phishing-resistant MFA" strength, all apps (SCuBA MS.AAD.3.1).
 * Promote it only after every member has registered such a method (the passkey rollout in
 * docs/conditional-access.md): until then it runs report-only and shows who would be stopped.
 * Guests are out of scope: they cannot register a passkey in this tenant, and CA009 asks them for
 * MFA; `werkplek assess-config` tells ScubaGear about this exclusion.
 */
export const CA015: PolicyDefinition = {
  id: "CA015",
  controls: ["MS.AAD.3.1", "CIS 5.2.2.5"],
  body: () => ({
    conditions: {
      users: { includeUsers: ["All"], excludeGuestsOrExternalUsers: GUEST_TYPES },
      applications: { includeApplications: ["All"] },
      clientAppTypes: ["all"],
    },
    grantControls: { operator: "OR", authenticationStrength: AUTHENTICATION_STRENGTHS.phishingResistantMfa },
  }),
};
