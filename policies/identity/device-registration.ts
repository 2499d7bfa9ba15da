/**
 * Who may join laptops to Entra ID and what joining grants (`policies/deviceRegistrationPolicy`,
 * CIS 5.1.4.1–5.1.4.5, MT.1070/1090/1091, baselines.md E28), and the tenant switch that lets
 * Windows LAPS back the local administrator password up to Entra (`localAdminPassword`; without
 * it the Intune LAPS policy has nowhere to write).
 *
 * Graph takes only PUT with the whole object: a property left out is reset (an absent
 * `userDeviceQuota` becomes 0 and stops every join). Sources: Graph reference
 * api-reference/beta/api/deviceregistrationpolicy-update.md and resources/deviceregistrationpolicy.md
 * (microsoftgraph/microsoft-graph-docs-contrib). Beta, because its `azureADJoin.localAdmins` is
 * in the beta types.
 */
import type { DeviceRegistrationPolicy } from "@microsoft/microsoft-graph-types-beta";
import type { ODataBody } from "../../constructs/graph-body";
import type { DeviceRegistrationSpec } from "../../tenants/sections/device-registration";

const ALL = { "@odata.type": "#microsoft.graph.allDeviceRegistrationMembership" };
const NOBODY = { "@odata.type": "#microsoft.graph.noDeviceRegistrationMembership" };

/** `joinGroupIds`: object ids of the groups that may join devices; undefined means every user. */
export function deviceRegistrationPolicy(spec: DeviceRegistrationSpec, joinGroupIds: readonly string[] | undefined): ODataBody<DeviceRegistrationPolicy> {
  return {
    userDeviceQuota: spec.maxDevicesPerUser,
    multiFactorAuthConfiguration: spec.mfaToJoin ? "required" : "notRequired",
    // Registration (BYOD) stays open to everyone: with Intune enabled Entra does not let it change.
    azureADRegistration: { isAdminConfigurable: false, allowedToRegister: ALL },
    azureADJoin: {
      isAdminConfigurable: true,
      allowedToJoin: joinGroupIds ? { "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership", users: [], groups: [...joinGroupIds] } : ALL,
      // nobody becomes local administrator by joining: LAPS holds the one admin password
      localAdmins: { enableGlobalAdmins: false, registeringUsers: NOBODY },
    },
    localAdminPassword: { isEnabled: true },
  };
}
