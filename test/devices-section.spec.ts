import { deviceNameTemplateProblem } from "../tenants/sections/devices";
import { TenantSchema } from "../tenants/schema";
import { kraainemRaw } from "./helpers";

/** Validates the example with one change in `devices:`; returns "path: message" of every issue. */
function problems(change: (devices: Record<string, any>, raw: Record<string, any>) => void): string[] {
  const raw = kraainemRaw() as Record<string, any>;
  change(raw.devices, raw);
  const r = TenantSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("tenant file devices: section", () => {
  test("the example is valid and gets secure defaults for what it leaves out", () => {
    expect(problems(() => undefined)).toEqual([]);
    const minimal = TenantSchema.parse({ ...kraainemRaw(), devices: { displayNamePrefix: "KRA", autopilot: { deviceNameTemplate: "KRA-%SERIAL%" } } });
    expect(minimal.devices).toMatchObject({
      groups: { laptops: "laptops", updatePilot: "update-pilot" },
      compliance: { gracePeriodHours: 12, checkinThresholdDays: 30 },
      updates: { pilot: { qualityDeferralDays: 0 }, production: { qualityDeferralDays: 7 } },
      laps: { passwordLength: 16 },
      cleanupAfterDays: 90,
    });
  });

  test.each([
    ["KRA-%SERIAL%", undefined],
    ["KRA-%RAND:6%", undefined],
    ["KRAAINEM-LAPTOP-%SERIAL%", /at most 15 are allowed/],
    ["KRA-LAPTOP", /exactly one %SERIAL% or %RAND:x% macro/],
    ["KRA-%SERIAL%%RAND:2%", /exactly one/],
    ["KRA-%NAME%", /unknown macro %NAME%/],
    ["KRA_%SERIAL%", /only contain letters, digits and dashes/],
    ["%RAND:8%", /only digits/],
    ["KRA-PC-%RAND:9%", /gives 16 characters/],
  ])("device name template %s", (template, expected) => {
    const p = deviceNameTemplateProblem(template);
    if (expected) expect(p).toMatch(expected);
    else expect(p).toBeUndefined();
  });

  test.each<[string, (d: Record<string, any>, raw: Record<string, any>) => void, string]>([
    ["quality deferral over 30 days", (d) => (d.updates.production.qualityDeferralDays = 31), "devices.updates.production.qualityDeferralDays: qualityDeferralDays must be between 0 and 30 days"],
    ["feature deferral over 365 days", (d) => (d.updates.production.featureDeferralDays = 400), "devices.updates.production.featureDeferralDays: featureDeferralDays must be between 0 and 365 days"],
    ["deadline over 30 days", (d) => (d.updates.pilot.qualityDeadlineDays = 45), "devices.updates.pilot.qualityDeadlineDays: qualityDeadlineDays must be between 0 and 30 days"],
    ["grace period over 7 days", (d) => (d.updates.pilot.gracePeriodDays = 8), "devices.updates.pilot.gracePeriodDays: gracePeriodDays must be between 0 and 7 days"],
    ["pilot not ahead of production", (d) => (d.updates.pilot.qualityDeferralDays = 7), "devices.updates.pilot.qualityDeferralDays: the pilot ring must get quality updates before production: 7 must be less than production's 7"],
    ["compliance grace beyond a week", (d) => (d.compliance.gracePeriodHours = 200), "devices.compliance.gracePeriodHours: gracePeriodHours must be between 0 and 168 hours: a longer grace keeps non-compliant laptops working (Graph allows 8760, werkplek does not)"],
    ["a bad OS version", (d) => (d.compliance.minimumOsVersion = "11"), "devices.compliance.minimumOsVersion: minimumOsVersion must be a Windows version like 10.0.22631 or 10.0.26100.2033"],
    ["a LAPS password shorter than 14", (d) => (d.laps.passwordLength = 12), "devices.laps.passwordLength: laps.passwordLength must be between 14 and 64 (CIS 5.1.4.5 asks at least 14)"],
    ["clean-up too soon", (d) => (d.cleanupAfterDays = 10), "devices.cleanupAfterDays: cleanupAfterDays must be between 30 and 270 days"],
    ["a too long name template", (d) => (d.autopilot.deviceNameTemplate = "KRA-PC-%RAND:9%"), 'devices.autopilot.deviceNameTemplate: deviceNameTemplate: %RAND:9% with prefix "KRA-PC-" gives 16 characters; names are at most 15'],
    ["an unknown group", (d) => (d.groups.laptops = "pcs"), 'devices.groups.laptops: unknown group "pcs"; allowed:'],
    ["the pilot group is the laptops group", (d) => (d.groups.updatePilot = "laptops"), 'devices.groups.updatePilot: the pilot ring needs its own group: "laptops" is also groups.laptops'],
    ["a Microsoft 365 group", (_d, raw) => { raw.groups["update-pilot"].kind = "microsoft365"; }, 'devices.groups.updatePilot: Intune profiles are assigned to security groups; "update-pilot" is a microsoft365 group'],
    ["an unknown field", (d) => (d.colour = "blue"), "devices"],
  ])("%s is rejected with a clear message", (_, change, expected) => {
    const found = problems(change);
    expect(found.some((p) => p.startsWith(expected))).toBe(true);
  });
});
