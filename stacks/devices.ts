import { Construct } from "constructs";
import { ConfigurationError } from "../constructs/errors";
import { EntraGroup } from "../constructs/entra-group";
import { IntuneProfile } from "../constructs/intune-profile";
import { DataMsGraphResource } from "../constructs/msgraph/data-resource";
import { MsGraphResource } from "../constructs/msgraph/resource";
import { MsGraphUpdateResource } from "../constructs/msgraph/update-resource";
import { WerkplekStack, WerkplekStackProps } from "./werkplek-stack";
import { attackSurfaceReduction } from "../policies/intune/attack-surface-reduction";
import { autopilotProfile } from "../policies/intune/autopilot";
import { windowsCompliancePolicy } from "../policies/intune/compliance";
import { complianceSettings } from "../policies/intune/compliance-settings";
import { defenderAntivirus } from "../policies/intune/defender-antivirus";
import { deviceCleanup } from "../policies/intune/device-cleanup";
import { diskEncryption } from "../policies/intune/disk-encryption";
import { endpointProtection } from "../policies/intune/endpoint-protection";
import { DEFAULT_PLATFORM_RESTRICTION_ODATA_TYPE, defaultPlatformRestriction } from "../policies/intune/enrollment-restriction";
import { lapsPolicy } from "../policies/intune/laps";
import { updateRing } from "../policies/intune/update-rings";
import { remoteAssistanceSettings, remoteHelpRoleAssignment, remoteHelpRoleDefinition, RemoteHelpRole } from "../policies/intune/remote-help";
import type { IdentityStack } from "./identity";

export interface DevicesStackProps extends WerkplekStackProps {
  /** Gives the groups the profiles are assigned to (cross-stack references). */
  readonly identity: IdentityStack;
}

/**
 * `<tenant>-devices`: Intune for the Windows laptops — compliance, tenant compliance settings,
 * enrollment restriction, Autopilot, endpoint protection, Defender, LAPS, ASR rules, update
 * rings and device clean-up (policies/intune/*), and Intune Remote Help when `devices.remoteHelp`
 * is enabled. Empty when the tenant file has no `devices:`.
 */
export class DevicesStack extends WerkplekStack {
  /** Every assigned profile, by construct id. */
  readonly profiles: Readonly<Record<string, IntuneProfile>> = {};
  /** The Remote Help role assignments by role; empty when Remote Help is off. */
  readonly remoteHelpAssignments: Readonly<Partial<Record<RemoteHelpRole, MsGraphResource>>> = {};

  constructor(scope: Construct, props: DevicesStackProps) {
    super(scope, "devices", props);
    const d = this.tenant.devices;
    const adopted = Object.entries(this.tenant.adopt.intune);
    if (!d) {
      if (adopted.length) throw new ConfigurationError("adopt.intune: the tenant file has no devices section, so there are no Intune profiles to adopt");
      return;
    }
    const group = (key: string): EntraGroup => {
      const g = props.identity.groups[key];
      // the tenant schema checks these keys; this guards callers that build a Tenant by hand
      if (!g) throw new ConfigurationError(`devices: group "${key}" is not in the identity stack; allowed: ${Object.keys(props.identity.groups).join(", ")}`);
      return g;
    };
    const laptops = group(d.groups.laptops);
    const pilot = group(d.groups.updatePilot);
    const autopilotGroup = group(d.groups.autopilot ?? d.groups.laptops);
    const p = d.displayNamePrefix;

    const profiles: Record<string, IntuneProfile> = {};
    const add = (id: string, kind: IntuneProfile["kind"], body: object, include: EntraGroup[], exclude: EntraGroup[] = []) => {
      profiles[id] = new IntuneProfile(this, id, { kind, body, include, exclude });
    };
    add("compliance-windows", "compliancePolicy", windowsCompliancePolicy(p, d), [laptops]);
    add("autopilot", "autopilotProfile", autopilotProfile(p, d), [autopilotGroup]);
    add("endpoint-protection", "deviceConfiguration", endpointProtection(p), [laptops]);
    add("disk-encryption", "configurationPolicy", diskEncryption(p), [laptops]);
    add("defender-antivirus", "deviceConfiguration", defenderAntivirus(p), [laptops]);
    add("laps", "configurationPolicy", lapsPolicy(p, d), [laptops]);
    add("attack-surface-reduction", "configurationPolicy", attackSurfaceReduction(p), [laptops]);
    add("update-ring-pilot", "deviceConfiguration", updateRing(p, "pilot", d.updates.pilot), [pilot]);
    add("update-ring-production", "deviceConfiguration", updateRing(p, "production", d.updates.production), [laptops], [pilot]);
    this.profiles = profiles;
    for (const [key, profileId] of adopted) {
      if (!profiles[key]) throw new ConfigurationError(`adopt.intune.${key}: unknown Intune profile; allowed: ${Object.keys(profiles).join(", ")}`);
      profiles[key].adopt(profileId);
    }

    // Tenant-wide settings: they apply to every device or user and cannot be assigned.
    new MsGraphUpdateResource(this, "compliance-settings", { url: "deviceManagement", body: complianceSettings(d) });
    new MsGraphUpdateResource(this, "device-cleanup", { url: "deviceManagement", apiVersion: "beta", body: deviceCleanup(d) });

    // Intune Remote Help (policies/intune/remote-help.ts): nothing of it unless the tenant file turns it on.
    const rh = d.remoteHelp;
    if (rh.enabled) {
      new MsGraphUpdateResource(this, "remote-help-settings", { url: "deviceManagement/remoteAssistanceSettings", apiVersion: "beta", body: remoteAssistanceSettings(rh) });
      // Intune scopes sessions to enrolled devices by device group and to unenrolled ones by user group
      const scopeKeys = [...new Set([...(rh.deviceGroups ?? [d.groups.laptops]), ...(rh.unenrolledDevices.allowed ? rh.unenrolledDevices.userGroups : [])])];
      const scope = scopeKeys.map((k) => group(k).objectId);
      const assignments: Partial<Record<RemoteHelpRole, MsGraphResource>> = {};
      const assign = (role: RemoteHelpRole, members: readonly string[]) => {
        const definition = new MsGraphResource(this, `remote-help-role-${role}`, { url: "deviceManagement/roleDefinitions", apiVersion: "beta", body: remoteHelpRoleDefinition(p, role) });
        assignments[role] = new MsGraphResource(this, `remote-help-assignment-${role}`, {
          url: "deviceManagement/roleAssignments",
          apiVersion: "beta",
          body: remoteHelpRoleAssignment(p, role, definition.graphId, members.map((k) => group(k).objectId), scope),
        });
      };
      assign("helpdesk", rh.helpdeskGroups);
      if (rh.elevationGroups.length) assign("elevation", rh.elevationGroups);
      this.remoteHelpAssignments = assignments;
    }

    // The default platform restriction exists in every tenant under a tenant-specific id; look it up.
    const restrictions = new DataMsGraphResource(this, "enrollment-configurations", {
      url: "deviceManagement/deviceEnrollmentConfigurations",
      responseExportValues: {
        default_platform_restriction_id: `value[?priority==\`0\` && "@odata.type"=='${DEFAULT_PLATFORM_RESTRICTION_ODATA_TYPE}'].id | [0]`,
      },
    });
    new MsGraphUpdateResource(this, "enrollment-restriction-default", {
      url: `deviceManagement/deviceEnrollmentConfigurations/${restrictions.exportedValue("default_platform_restriction_id")}`,
      body: defaultPlatformRestriction,
    });
  }
}
