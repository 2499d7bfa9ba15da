import { Testing, TerraformStack } from "cdktf";
import { EntraGroup, mailNicknameOf } from "../constructs/entra-group";
import { resourcesOf, synthJson } from "./helpers";

function stack() {
  return new TerraformStack(Testing.app(), "g");
}

describe("EntraGroup", () => {
  test("is protected against destroy whatever its kind", () => {
    const s = stack();
    new EntraGroup(s, "a", { displayName: "A" });
    new EntraGroup(s, "b", { displayName: "B", dynamicRule: 'user.department -eq "X"' });
    new EntraGroup(s, "c", { displayName: "C", unified: true, team: true, owners: ["u1"] });
    const groups = resourcesOf(synthJson(s), "azuread_group");
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("dynamic membership sets the rule and the DynamicMembership type", () => {
    const s = stack();
    new EntraGroup(s, "d", { displayName: "D", dynamicRule: 'user.department -eq "Financiën"' });
    expect(Testing.synth(s)).toHaveResourceWithProperties({ tfResourceType: "azuread_group" }, {
      types: ["DynamicMembership"],
      dynamic_membership: { enabled: true, rule: 'user.department -eq "Financiën"' },
      security_enabled: true,
      mail_enabled: false,
    });
  });

  test("a Microsoft 365 group is private, mail-enabled, with a nickname and Teams provisioning", () => {
    const s = stack();
    new EntraGroup(s, "t", { displayName: "GRP-Gemeenteraad", unified: true, team: true, owners: ["u1"] });
    expect(resourcesOf(synthJson(s), "azuread_group")[0]).toMatchObject({
      types: ["Unified"],
      mail_enabled: true,
      mail_nickname: "GRPGemeenteraad",
      visibility: "Private",
      provisioning_options: ["Team"],
      owners: ["u1"],
    });
  });

  test("role-assignable groups must be assigned security groups", () => {
    expect(() => new EntraGroup(stack(), "x", { displayName: "X", roleAssignable: true, dynamicRule: "r" })).toThrow(/role-assignable/);
    const s = stack();
    new EntraGroup(s, "r", { displayName: "R", roleAssignable: true });
    expect(resourcesOf(synthJson(s), "azuread_group")[0].assignable_to_role).toBe(true);
  });

  test("licences are assigned to the group through Graph assignLicense", () => {
    const s = stack();
    new EntraGroup(s, "l", { displayName: "L", licenceSkuIds: ["sku-1", "sku-2"] });
    const [action] = resourcesOf(synthJson(s), "msgraph_resource_action");
    expect(action).toMatchObject({
      resource_url: expect.stringMatching(/^groups\/\$\{azuread_group\.l_[A-Z0-9]+\.object_id\}$/),
      action: "assignLicense",
      method: "POST",
      body: { addLicenses: [{ skuId: "sku-1", disabledPlans: [] }, { skuId: "sku-2", disabledPlans: [] }], removeLicenses: [] },
    });
  });

  test("mail nicknames drop accents and punctuation", () => {
    expect(mailNicknameOf("GRP-Dienst-Financiën")).toBe("GRPDienstFinancien");
  });
});
