import { Testing, TerraformStack } from "cdktf";
import { EntraGroup } from "../constructs/entra-group";
import { IntuneProfile, IntuneProfileProps } from "../constructs/intune-profile";
import { windowsCompliancePolicy } from "../policies/intune/compliance";
import { updateRing } from "../policies/intune/update-rings";
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
