import { kraainem, buildStacks, resourcesOf, synthJson } from "./helpers";

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
    expect(json.terraform.backend).toEqual({ local: { path: "terraform.kraainem-state.tfstate" } });
    expect(resourcesOf(json, "azurerm_resource_group")[0]).toMatchObject({ name: "rg-kraainem-tfstate" });
    expect(resourcesOf(json, "azurerm_storage_account")[0]).toMatchObject({
      name: "stkraainemstate01",
      network_rules: { ip_rules: ["192.0.2.0/28", "198.51.100.7"] },
      blob_properties: { delete_retention_policy: { days: 60 } },
    });
    expect(resourcesOf(json, "azurerm_storage_container")[0]).toMatchObject({ name: "state" });
    expect(synthJson(stacks.remoteAccess).terraform.backend).toMatchObject({
      azurerm: { resource_group_name: "rg-kraainem-tfstate", storage_account_name: "stkraainemstate01", container_name: "state" },
    });
  });
});
