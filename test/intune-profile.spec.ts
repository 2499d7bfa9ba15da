import { Testing, TerraformStack } from "cdktf";
import { EntraGroup } from "../constructs/entra-group";
import { IntuneProfile, IntuneProfileProps } from "../constructs/intune-profile";
import { windowsCompliancePolicy } from "../policies/intune/compliance";
import { updateRing } from "../policies/intune/update-rings";
import { choice, integer, templateSettings } from "../constructs/settings-catalog";
import { LAPS_TEMPLATE } from "../facts/intune-templates";
import { kraainem } from "./helpers";

const d = kraainem().devices!;

function make(props: Omit<IntuneProfileProps, "include"> & { include?: "laptops"[] }, exclude: boolean = false): IntuneProfile {
  const stack = new TerraformStack(Testing.app(), "s");
  const laptops = new EntraGroup(stack, "laptops", { displayName: "DEV-Laptops" });
  return new IntuneProfile(stack, "p", {
    ...props,
    include: props.include ? [laptops] : [],
    exclude: exclude ? [laptops] : [],
  });
}

describe("IntuneProfile: what Graph would reject fails at synth time", () => {
  const compliance = windowsCompliancePolicy("KRA", d);
  const blockAction = compliance.scheduledActionsForRule![0].scheduledActionConfigurations![0];

  test("the shipped compliance policy passes", () => {
    expect(() => make({ kind: "compliancePolicy", body: compliance, include: ["laptops"] })).not.toThrow();
  });

  test("a compliance policy without a block action is rejected", () => {
    const body = { ...compliance, scheduledActionsForRule: [{ ruleName: "PasswordRequired", scheduledActionConfigurations: [] }] };
    expect(() => make({ kind: "compliancePolicy", body, include: ["laptops"] })).toThrow(
      'intune profile "KRA - Windows - Naleving": scheduledActionsForRule must contain exactly one "block" action, found 0',
    );
  });

  test("a compliance policy with two block actions is rejected", () => {
    const body = { ...compliance, scheduledActionsForRule: [{ ruleName: "PasswordRequired", scheduledActionConfigurations: [blockAction, blockAction] }] };
    expect(() => make({ kind: "compliancePolicy", body, include: ["laptops"] })).toThrow(/exactly one "block" action, found 2/);
  });

  test("a grace period beyond Graph's 8760 hours is rejected", () => {
    const body = { ...compliance, scheduledActionsForRule: [{ ruleName: "PasswordRequired", scheduledActionConfigurations: [{ ...blockAction, gracePeriodHours: 9000 }] }] };
    expect(() => make({ kind: "compliancePolicy", body, include: ["laptops"] })).toThrow("gracePeriodHours of the block action is 9000; allowed 0 to 8760");
  });

  test.each([
    ["qualityUpdatesDeferralPeriodInDays", 31, "allowed 0 to 30 days"],
    ["featureUpdatesDeferralPeriodInDays", 366, "allowed 0 to 365 days"],
    ["deadlineForQualityUpdatesInDays", 31, "allowed 0 to 30 days"],
    ["deadlineForFeatureUpdatesInDays", -1, "allowed 0 to 30 days"],
    ["deadlineGracePeriodInDays", 8, "allowed 0 to 7 days"],
  ])("an update ring with %s = %d is rejected", (field, value, allowed) => {
    const body = { ...updateRing("KRA", "pilot", d.updates.pilot), [field]: value };
    expect(() => make({ kind: "deviceConfiguration", body, include: ["laptops"] })).toThrow(`${field} is ${value}; ${allowed}`);
  });

  test("a profile assigned to nobody is rejected", () => {
    expect(() => make({ kind: "compliancePolicy", body: compliance })).toThrow(/assign it to at least one group/);
  });

  test("a group both included and excluded is rejected", () => {
    expect(() => make({ kind: "compliancePolicy", body: compliance, include: ["laptops"] }, true)).toThrow(/cannot be included and excluded/);
  });

  test("a device configuration without @odata.type is rejected", () => {
    const body: Record<string, unknown> = { ...updateRing("KRA", "pilot", d.updates.pilot) };
    delete body["@odata.type"];
    expect(() => make({ kind: "deviceConfiguration", body, include: ["laptops"] })).toThrow(/"@odata.type" is required/);
  });
});

describe("templateSettings: a policy made from an endpoint-security template", () => {
  test("every top-level instance carries the template's instance and value ids; children do not", () => {
    const { templateReference, settings } = templateSettings(
      LAPS_TEMPLATE,
      choice("device_vendor_msft_laps_policies_backupdirectory", "1", [integer("device_vendor_msft_laps_policies_passwordagedays_aad", 30)]),
      integer("device_vendor_msft_laps_policies_passwordlength", 16),
    );
    expect(templateReference).toEqual({ templateId: "adc46e5a-f4aa-4ff6-aeff-4f27bc525796_1" });
    const [backup, length] = settings!.map((s) => s.settingInstance as any);
    expect(backup.settingInstanceTemplateReference).toEqual({ settingInstanceTemplateId: "a3270f64-e493-499d-8900-90290f61ed8a" });
    expect(backup.choiceSettingValue.settingValueTemplateReference).toEqual({ settingValueTemplateId: "4d90f03d-e14c-43c4-86da-681da96a2f92", useTemplateDefault: false });
    expect(backup.choiceSettingValue.children[0].settingInstanceTemplateReference).toBeUndefined();
    expect(length.simpleSettingValue).toMatchObject({ value: 16, settingValueTemplateReference: { settingValueTemplateId: "d08f1266-5345-4f53-8ae1-4c20e6cb5ec9" } });
  });

  test("a setting the template does not have is refused, naming the allowed ones", () => {
    expect(() => templateSettings(LAPS_TEMPLATE, choice("device_vendor_msft_laps_policies_passwordcomplexty", "4"))).toThrow(
      /setting device_vendor_msft_laps_policies_passwordcomplexty is not in endpoint-security template adc46e5a-f4aa-4ff6-aeff-4f27bc525796_1; allowed: .*device_vendor_msft_laps_policies_passwordcomplexity/,
    );
  });
});
