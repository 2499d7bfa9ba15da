import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { INTUNE_KINDS } from "../constructs/intune-profile";
import { settingValues } from "../constructs/settings-catalog";
import { ASR_RULES } from "../policies/intune/attack-surface-reduction";
import { buildTenant } from "../stacks/tenant";
import { kraainem, kraainemRaw, resourcesOf, StackJson, synthJson, tenantFrom } from "./helpers";

type Res = { url: string; api_version?: string; body: Record<string, any>; update_method?: string; read_query_parameters?: Record<string, string[]> };
type Action = { resource_url: string; action: string; method: string; body: { assignments: { target: { "@odata.type": string; groupId: string } }[] } };

/** The devices stack as `npm run synth` writes it: the whole app, so cross-stack references resolve. */
function synthDevices(): StackJson {
  const app = Testing.app();
  const stacks = buildTenant(app, kraainem());
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", stacks.devices.node.id, "cdk.tf.json"), "utf8"));
}

let json: StackJson;
beforeAll(() => {
  json = synthDevices();
});

const PROFILE_URLS = new Set(Object.values(INTUNE_KINDS).map((k) => k.url));
const profiles = () => Object.entries(json.resource!.msgraph_resource as Record<string, Res>).filter(([, r]) => PROFILE_URLS.has(r.url));
const profileNamed = (name: string): [string, Res] => {
  const p = profiles().find(([, r]) => (r.body.displayName ?? r.body.name) === name);
  if (!p) throw new Error(`no Intune profile named ${name}; have ${profiles().map(([, r]) => r.body.displayName ?? r.body.name).join(", ")}`);
  return p;
};
const body = (name: string) => profileNamed(name)[1].body;
const assignAction = (name: string): Action | undefined => {
  const [tfName] = profileNamed(name);
  return (Object.values(json.resource!.msgraph_resource_action ?? {}) as Action[]).find((a) => a.resource_url === `\${msgraph_resource.${tfName}.resource_url}`);
};
const targetsOf = (name: string): { "@odata.type": string; groupId: string }[] => {
  const [tfName] = profileNamed(name);
  const action = assignAction(name);
  if (action) {
    expect(action).toMatchObject({ action: "assign", method: "POST" });
    return action.body.assignments.map((a) => a.target);
  }
  return (Object.values(json.resource!.msgraph_resource) as Res[])
    .filter((r) => r.url === `${profileNamed(name)[1].url}/\${msgraph_resource.${tfName}.id}/assignments`)
    .map((r) => r.body.target);
};
const LAPTOPS = /group-laptops_\w+object_id\}$/;
const PILOT = /group-update-pilot_\w+object_id\}$/;
const update = (url: string, apiVersion?: string) =>
  (resourcesOf(json, "msgraph_update_resource") as Res[]).find((u) => u.url.startsWith(url) && u.api_version === apiVersion)!;

const NAMES = [
  "KRA - Windows - Naleving",
  "KRA - Windows - Autopilot",
  "KRA - Windows - Firewall en BitLocker",
  "KRA - Windows - BitLocker volledige schijf",
  "KRA - Windows - Defender Antivirus",
  "KRA - Windows - LAPS",
  "KRA - Windows - ASR-regels (audit)",
  "KRA - Windows - Updatering piloot",
  "KRA - Windows - Updatering productie",
];

describe("devices stack", () => {
  test("every profile of the issue exists once, named with the tenant's prefix", () => {
    expect(profiles().map(([, r]) => r.body.displayName ?? r.body.name).sort()).toEqual([...NAMES].sort());
  });

  test.each(NAMES)("%s is assigned to a group from the identity stack", (name) => {
    const includes = targetsOf(name).filter((t) => t["@odata.type"] === "#microsoft.graph.groupAssignmentTarget");
    expect(includes.length).toBeGreaterThan(0);
    for (const t of includes) expect(t.groupId).toMatch(/cross-stack-reference-input-kraainem-identity/);
  });

  test("pilot ring goes to the pilot group; production to all laptops except the pilot group", () => {
    expect(targetsOf("KRA - Windows - Updatering piloot")).toEqual([{ "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: expect.stringMatching(PILOT) }]);
    expect(targetsOf("KRA - Windows - Updatering productie")).toEqual([
      { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: expect.stringMatching(LAPTOPS) },
      { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", groupId: expect.stringMatching(PILOT) },
    ]);
    expect(targetsOf("KRA - Windows - Naleving")[0].groupId).toMatch(LAPTOPS);
  });

  test("the Autopilot profile is assigned with an assignment object (no assign action exists for it), the others with assign", () => {
    expect(assignAction("KRA - Windows - Autopilot")).toBeUndefined();
    expect(targetsOf("KRA - Windows - Autopilot")).toHaveLength(1);
    for (const n of NAMES.filter((n) => !n.endsWith("Autopilot"))) expect(assignAction(n)).toBeDefined();
  });

  test("compliance: BitLocker, Secure Boot, code integrity, TPM, firewall, AV, Defender, current signatures, OS and password", () => {
    const t = kraainem();
    const b = body("KRA - Windows - Naleving");
    expect(profileNamed("KRA - Windows - Naleving")[1]).toMatchObject({ url: "deviceManagement/deviceCompliancePolicies", api_version: "beta" });
    expect(b).toMatchObject({
      "@odata.type": "#microsoft.graph.windows10CompliancePolicy",
      bitLockerEnabled: true,
      secureBootEnabled: true,
      codeIntegrityEnabled: true,
      tpmRequired: true,
      activeFirewallRequired: true,
      antivirusRequired: true,
      antiSpywareRequired: true,
      defenderEnabled: true,
      rtpEnabled: true,
      signatureOutOfDate: true,
      osMinimumVersion: t.devices!.compliance.minimumOsVersion,
      passwordRequired: true,
      passwordBlockSimple: true,
    });
    const actions = b.scheduledActionsForRule.flatMap((r: any) => r.scheduledActionConfigurations);
    expect(actions.filter((a: any) => a.actionType === "block")).toEqual([expect.objectContaining({ gracePeriodHours: t.devices!.compliance.gracePeriodHours })]);
  });

  test("tenant compliance setting: a device without a policy is not compliant", () => {
    expect(update("deviceManagement", undefined).body).toEqual({ settings: { secureByDefault: true, deviceComplianceCheckinThresholdDays: 30, isScheduledActionEnabled: true } });
  });

  test("enrollment: the default restriction (looked up, not guessed) blocks personal Windows devices", () => {
    const u = update("deviceManagement/deviceEnrollmentConfigurations/", undefined);
    expect(u.url).toMatch(/\$\{data\.msgraph_resource\.enrollment-configurations\.output\.default_platform_restriction_id\}$/);
    expect(u.body.windowsRestriction).toEqual({ platformBlocked: false, personalDeviceEnrollmentBlocked: true, osMinimumVersion: null, osMaximumVersion: null });
  });

  test("Autopilot: Entra join, user-driven, standard user, name template from the tenant file", () => {
    expect(body("KRA - Windows - Autopilot")).toMatchObject({
      "@odata.type": "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile",
      deviceNameTemplate: "KRA-%RAND:6%",
      outOfBoxExperienceSetting: { deviceUsageType: "singleUser", userType: "standard" },
    });
  });

  test("endpoint protection: firewall on for domain, private and public; BitLocker escrowed to Entra before encrypting", () => {
    const b = body("KRA - Windows - Firewall en BitLocker");
    for (const p of ["firewallProfileDomain", "firewallProfilePrivate", "firewallProfilePublic"]) {
      expect(b[p]).toMatchObject({ firewallEnabled: "allowed", inboundConnectionsBlocked: true });
    }
    expect(b).toMatchObject({
      bitLockerEncryptDevice: true,
      bitLockerSystemDrivePolicy: {
        recoveryOptions: { enableRecoveryInformationSaveToStore: true, enableBitLockerAfterRecoveryInformationToStore: true, hideRecoveryOptions: true },
      },
    });
  });

  test("disk encryption: the OS drive is fully encrypted, not only used space", () => {
    expect(settingValues(body("KRA - Windows - BitLocker volledige schijf"))).toEqual({
      device_vendor_msft_bitlocker_systemdrivesencryptiontype: "device_vendor_msft_bitlocker_systemdrivesencryptiontype_1",
      device_vendor_msft_bitlocker_systemdrivesencryptiontype_osencryptiontypedropdown_name: "device_vendor_msft_bitlocker_systemdrivesencryptiontype_osencryptiontypedropdown_name_1",
    });
  });

  test("Defender: real-time monitoring, cloud block level high, PUA blocked, scheduled scans", () => {
    expect(body("KRA - Windows - Defender Antivirus")).toMatchObject({
      defenderRequireRealTimeMonitoring: true,
      defenderRequireCloudProtection: true,
      defenderCloudBlockLevel: "high",
      defenderPotentiallyUnwantedAppAction: "block",
      defenderScanType: "quick",
      defenderSystemScanSchedule: "everyday",
    });
  });

  test("LAPS: Entra ID backup, length ≥ 14, full complexity, reset after use", () => {
    const v = settingValues(body("KRA - Windows - LAPS"));
    expect(v.device_vendor_msft_laps_policies_backupdirectory).toBe("device_vendor_msft_laps_policies_backupdirectory_1");
    expect(v.device_vendor_msft_laps_policies_passwordlength).toBeGreaterThanOrEqual(14);
    expect(v.device_vendor_msft_laps_policies_passwordcomplexity).toBe("device_vendor_msft_laps_policies_passwordcomplexity_4");
    expect(v.device_vendor_msft_laps_policies_postauthenticationactions).toBe("device_vendor_msft_laps_policies_postauthenticationactions_3");
  });

  test("ASR: every rule of the table, all in audit mode", () => {
    const v = settingValues(body("KRA - Windows - ASR-regels (audit)"));
    const rules = Object.entries(v);
    expect(rules).toHaveLength(Object.keys(ASR_RULES).length);
    for (const [id, value] of rules) expect(value).toBe(`${id}_audit`);
  });

  test("settings-catalog policies are replaced with PUT and read with their settings", () => {
    for (const [, r] of profiles().filter(([, r]) => r.url === "deviceManagement/configurationPolicies")) {
      expect(r).toMatchObject({ update_method: "PUT", read_query_parameters: { $expand: ["settings,assignments"] }, api_version: "beta" });
    }
  });

  test("every profile is read back with its assignments and exports them, so a group changed in the portal is drift", () => {
    expect(profiles().length).toBe(9);
    for (const [name, r] of profiles() as [string, Res & { response_export_values?: Record<string, string> }][]) {
      expect([name, r.read_query_parameters?.$expand?.[0].split(",")]).toEqual([name, expect.arrayContaining(["assignments"])]);
      expect([name, r.response_export_values?.assignments]).toEqual([name, expect.stringMatching(/^assignments\[\]\./)]);
    }
  });

  test("the compliance policy's scheduled actions: read with $expand, changed only through scheduleActionsForRules", () => {
    const [tfName, r] = profileNamed("KRA - Windows - Naleving") as [string, Res & { lifecycle?: { ignore_changes?: string[] }; response_export_values?: Record<string, string> }];
    expect(r.read_query_parameters?.$expand).toEqual(["scheduledActionsForRule($expand=scheduledActionConfigurations),assignments"]);
    expect(r.lifecycle?.ignore_changes).toEqual(["body.scheduledActionsForRule"]);
    expect(r.response_export_values?.scheduled_actions).toContain("scheduledActionsForRule[]");
    const action = (Object.values(json.resource!.msgraph_resource_action ?? {}) as any[]).find(
      (a) => a.resource_url === `\${msgraph_resource.${tfName}.resource_url}` && a.action === "scheduleActionsForRules",
    );
    expect(action).toMatchObject({ method: "POST", api_version: "beta", body: { deviceComplianceScheduledActionForRules: r.body.scheduledActionsForRule } });
    expect(action.body.deviceComplianceScheduledActionForRules[0].scheduledActionConfigurations).toContainEqual(expect.objectContaining({ actionType: "block" }));
  });

  test("update rings: values from the tenant file, pilot before production, users cannot pause", () => {
    const { pilot, production } = kraainem().devices!.updates;
    const p = body("KRA - Windows - Updatering piloot");
    const q = body("KRA - Windows - Updatering productie");
    expect(p).toMatchObject({ qualityUpdatesDeferralPeriodInDays: pilot.qualityDeferralDays, deadlineForQualityUpdatesInDays: pilot.qualityDeadlineDays, deadlineGracePeriodInDays: pilot.gracePeriodDays });
    expect(q).toMatchObject({ qualityUpdatesDeferralPeriodInDays: production.qualityDeferralDays, featureUpdatesDeferralPeriodInDays: production.featureDeferralDays, deadlineGracePeriodInDays: production.gracePeriodDays });
    expect(p.qualityUpdatesDeferralPeriodInDays).toBeLessThan(q.qualityUpdatesDeferralPeriodInDays);
    for (const b of [p, q]) expect(b.userPauseAccess).toBe("disabled");
  });

  test("device clean-up removes laptops after the tenant file's days", () => {
    expect(update("deviceManagement", "beta").body).toEqual({ managedDeviceCleanupSettings: { deviceInactivityBeforeRetirementInDays: "90" } });
  });

  test("a tenant without a devices section gets an empty devices stack", () => {
    const raw = kraainemRaw();
    delete raw.devices;
    const stacks = buildTenant(Testing.app(), tenantFrom(raw));
    expect(synthJson(stacks.devices).resource).toBeUndefined();
  });

  test("synthesis is deterministic", () => {
    expect(synthDevices()).toEqual(json);
  });
});
