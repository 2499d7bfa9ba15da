/**
 * Tenant-wide authorization policy (`policies/authorizationPolicy`, PATCH; Graph v1.0
 * api/authorizationpolicy-update.md, resources/authorizationpolicy.md), baselines.md §2.1.
 * One row per setting, with the control it implements.
 */
import type { AuthorizationPolicy } from "@microsoft/microsoft-graph-types";

/** Restricted guest access: guests see only their own directory objects (MS.AAD.8.1, EIDSCA.AP07). */
export const RESTRICTED_GUEST_ROLE_ID = "2af84b1e-32c8-42b7-82bc-daa82404023b";

export const authorizationPolicy: AuthorizationPolicy = {
  allowInvitesFrom: "adminsAndGuestInviters", //         MS.AAD.8.2, CIS 5.1.6.3
  guestUserRoleId: RESTRICTED_GUEST_ROLE_ID, //          MS.AAD.8.1, CIS 5.1.6.2
  allowedToSignUpEmailBasedSubscriptions: false, //      EIDSCA.AP05
  allowEmailVerifiedUsersToJoinOrganization: false, //   EIDSCA.AP06
  blockMsolPowerShell: true, //                          MT.1185
  // Administrators reset their password through another administrator, not by self-service
  // (EIDSCA.AP01 expects false: in Graph this flag is the administrators' SSPR; users' SSPR is
  // the password reset policy in the portal). Graph v1.0 resources/authorizationpolicy.md.
  allowedToUseSSPR: false, //                            EIDSCA.AP01
  allowUserConsentForRiskyApps: false, //                 EIDSCA.AP09: risky consent always steps up to an admin
  defaultUserRolePermissions: {
    allowedToCreateApps: false, //                       MS.AAD.5.1, CIS 5.1.2.2
    allowedToCreateSecurityGroups: false, //             CIS 5.1.3.2
    allowedToCreateTenants: false, //                    CIS 5.1.2.3
    allowedToReadBitlockerKeysForOwnedDevice: false, //  CIS 5.1.4.6
    allowedToReadOtherUsers: true, //                    Microsoft: never set to false
    permissionGrantPoliciesAssigned: [], //              MS.AAD.5.2, CIS 5.1.5.1: no user consent
  },
};
