/**
 * Subscription-wide security in the identity stack: the state account's blob log and the Defender
 * for Cloud plans (tenant file `defenderForCloud`).
 */
import { App } from "cdktf";
import * as fs from "fs";
import * as path from "path";
import { buildTenant } from "../stacks/tenant";
import { parseTenantFile } from "../tenants/load";
import { buildStacks, kraainem, kraainemRaw, resourcesOf, synthJson, tempDir, tenantFrom } from "./helpers";

const identityJson = (raw: Record<string, any> = kraainemRaw()) => synthJson(buildStacks(tenantFrom(raw)).identity);

describe("the state account's blob log", () => {
  test("every read, write and delete of the state blobs goes to the tenant's Log Analytics workspace", () => {
    const t = kraainem();
    expect(resourcesOf(identityJson(), "azurerm_monitor_diagnostic_setting")).toContainEqual(
      expect.objectContaining({
        target_resource_id: `/subscriptions/${t.subscriptionId}/resourceGroups/rg-kraainem-state/providers/Microsoft.Storage/storageAccounts/stkraainemtfstate/blobServices/default`,
        log_analytics_workspace_id: "${azurerm_log_analytics_workspace.log-analytics.id}",
        enabled_log: [{ category_group: "allLogs" }],
      }),
    );
  });

  test("with state: set, the account named there; the identity stack is deployed after the state stack", () => {
    const raw = kraainemRaw() as Record<string, any>;
    raw.state = { resourceGroupName: "rg-kraainem-tfstate", storageAccountName: "stkraainemstate01" };
    expect(resourcesOf(identityJson(raw), "azurerm_monitor_diagnostic_setting")).toContainEqual(
      expect.objectContaining({ target_resource_id: expect.stringMatching(/\/resourceGroups\/rg-kraainem-tfstate\/providers\/Microsoft\.Storage\/storageAccounts\/stkraainemstate01\/blobServices\/default$/) }),
    );
    const outdir = tempDir();
    const app = new App({ outdir });
    buildTenant(app, kraainem());
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect(manifest.stacks["kraainem-identity"].dependencies).toEqual(["kraainem-state"]);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe("Defender for Cloud plans (defenderForCloud)", () => {
  const plans = (defenderForCloud?: Record<string, unknown>) => {
    const raw = kraainemRaw() as Record<string, any>;
    if (defenderForCloud) raw.defenderForCloud = defenderForCloud;
    return resourcesOf(identityJson(raw), "azurerm_security_center_subscription_pricing")
      .map((p: any) => [p.resource_type, p.tier, p.subplan])
      .sort();
  };

  test("by default: servers Plan 1, Key Vault per vault, Storage per account, no paid extension declared", () => {
    expect(plans()).toEqual([
      ["KeyVaults", "Standard", "PerKeyVault"],
      ["StorageAccounts", "Standard", "DefenderForStorageV2"],
      ["VirtualMachines", "Standard", "P1"],
    ]);
    expect(resourcesOf(identityJson(), "azurerm_security_center_subscription_pricing").every((p: any) => p.extension === undefined)).toBe(true);
  });

  test("each switch on its own; off leaves the plan out", () => {
    expect(plans({ servers: "P2", keyVaults: false })).toEqual([
      ["StorageAccounts", "Standard", "DefenderForStorageV2"],
      ["VirtualMachines", "Standard", "P2"],
    ]);
    expect(plans({ servers: "off", keyVaults: false, storageAccounts: false })).toEqual([]);
  });

  test("a value that is not allowed names the file, line, field and the allowed values", () => {
    const dir = tempDir();
    const file = path.join(dir, "kraainem.yaml");
    const example = fs.readFileSync(path.join(__dirname, "..", "tenants", "kraainem.yaml"), "utf8");
    expect(example).toMatch(/^defenderForCloud:\n  servers: P1\b/m);
    fs.writeFileSync(file, example.replace(/^(defenderForCloud:\n  servers:) P1\b/m, "$1 P3"));
    const result = parseTenantFile(file);
    fs.rmSync(dir, { recursive: true, force: true });
    expect("problems" in result && result.problems).toEqual([expect.objectContaining({ field: "defenderForCloud.servers", line: expect.any(Number), message: '"P3" is not allowed; allowed: P1, P2, off' })]);
  });
});
