import { TenantSchema } from "../tenants/schema";
import { kraainem, kraainemRaw, buildStacks, resourcesOf, synthJson } from "./helpers";

describe("state stack", () => {
  test("without `state` in the tenant file it creates the account under the CAF default names", () => {
    const json = synthJson(buildStacks().state);
    expect(resourcesOf(json, "azurerm_resource_group")[0]).toMatchObject({ name: "rg-kraainem-state", lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(json, "azurerm_storage_account")[0]).toMatchObject({ name: "stkraainemtfstate" });
    expect(resourcesOf(json, "azurerm_storage_container")[0]).toMatchObject({ name: "tfstate" });
    expect((json as any).output["state-backend"].value).toEqual({ resourceGroupName: "rg-kraainem-state", storageAccountName: "stkraainemtfstate", containerName: "tfstate" });
  });

  test("the storage account is hardened and protected", () => {
    const json = synthJson(buildStacks().state);
    expect(resourcesOf(json, "azurerm_storage_account")[0]).toMatchObject({
      account_replication_type: "ZRS",
      min_tls_version: "TLS1_2",
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      local_user_enabled: false,
      cross_tenant_replication_enabled: false,
      infrastructure_encryption_enabled: true,
      network_rules: { default_action: "Deny", bypass: ["AzureServices"], ip_rules: ["192.0.2.0/28"] },
      blob_properties: {
        versioning_enabled: true,
        delete_retention_policy: { days: 30 },
        container_delete_retention_policy: { days: 30 },
      },
      lifecycle: { prevent_destroy: true },
    });
    expect(resourcesOf(json, "azurerm_storage_container")[0]).toMatchObject({ container_access_type: "private", lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(json, "azurerm_management_lock")).toEqual([
      expect.objectContaining({ lock_level: "CanNotDelete", scope: "${azurerm_storage_account.storage.id}" }),
    ]);
  });

  test("with `state` it creates exactly the account the other stacks' backend points at, and stays on local state", () => {
    const state = { resourceGroupName: "rg-kraainem-tfstate", storageAccountName: "stkraainemstate01", containerName: "state", allowedIpRanges: ["198.51.100.7/32"], softDeleteRetentionDays: 60 };
    const stacks = buildStacks({ ...kraainem(), state });
    const json = synthJson(stacks.state);
    expect(json.terraform!.backend).toEqual({ local: { path: "terraform.kraainem-state.tfstate" } });
    expect(resourcesOf(json, "azurerm_resource_group")[0]).toMatchObject({ name: "rg-kraainem-tfstate" });
    expect(resourcesOf(json, "azurerm_storage_account")[0]).toMatchObject({
      name: "stkraainemstate01",
      network_rules: { ip_rules: ["192.0.2.0/28", "198.51.100.7"] },
      blob_properties: { delete_retention_policy: { days: 60 } },
    });
    expect(resourcesOf(json, "azurerm_storage_container")[0]).toMatchObject({ name: "state" });
    expect(synthJson(stacks.remoteAccess).terraform!.backend).toMatchObject({
      azurerm: { resource_group_name: "rg-kraainem-tfstate", storage_account_name: "stkraainemstate01", container_name: "state" },
    });
  });

  describe("the storage firewall's IP rules", () => {
    const withState = (allowedIpRanges: unknown[]) =>
      TenantSchema.safeParse({ ...kraainemRaw(), state: { resourceGroupName: "rg-kraainem-state", storageAccountName: "stkraainemtfstate", allowedIpRanges } });
    const problems = (allowedIpRanges: unknown[]) =>
      (withState(allowedIpRanges).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

    test("state.allowedIpRanges takes public addresses and ranges as the storage firewall does", () => {
      expect(problems(["198.51.100.7", "198.51.100.0/24", "203.0.113.0/30"])).toEqual([]);
    });

    test("state.allowedIpRanges refuses /32, /31 and private ranges, saying what to write instead", () => {
      expect(problems(["198.51.100.7/32", "198.51.100.6/31", "10.1.0.0/16", "192.168.1.10", "not-an-ip"])).toEqual([
        "state.allowedIpRanges.0: the storage firewall takes no /32: write the single address 198.51.100.7 without a prefix",
        "state.allowedIpRanges.1: the storage firewall takes no /31: list the two addresses 198.51.100.6 and 198.51.100.7 separately",
        "state.allowedIpRanges.2: 10.1.0.0/16 is (or holds) a private RFC 1918 range; the storage firewall takes public addresses only",
        "state.allowedIpRanges.3: 192.168.1.10 is (or holds) a private RFC 1918 range; the storage firewall takes public addresses only",
        expect.stringMatching(/^state\.allowedIpRanges\.4: must be a public IPv4 address like 198\.51\.100\.7 or a range in CIDR notation/),
      ]);
    });

    test("trustedIpRanges the storage firewall would refuse are converted (/32, /31) or left out (private, IPv6)", () => {
      const t = { ...kraainem(), trustedIpRanges: ["192.0.2.0/28", "198.51.100.7/32", "203.0.113.10/31", "10.0.0.0/8", "172.20.0.0/16", "2001:db8::/48"] };
      const stacks = buildStacks(t);
      const expected = ["192.0.2.0/28", "198.51.100.7", "203.0.113.10", "203.0.113.11"];
      expect((resourcesOf(synthJson(stacks.state), "azurerm_storage_account")[0] as any).network_rules.ip_rules).toEqual(expected);
      // the Key Vault firewall of the remote-access stack refuses private ranges too
      expect((resourcesOf(synthJson(stacks.remoteAccess), "azurerm_key_vault")[0] as any).network_acls.ip_rules).toEqual(expected);
    });
  });
});
