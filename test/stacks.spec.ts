import * as fs from "fs";
import { App } from "cdktf";
import { AREAS } from "../stacks/werkplek-stack";
import { buildTenant } from "../stacks/tenant";
import { buildStacks, kraainem, synthJson, tempDir } from "./helpers";

describe("stacks", () => {
  test("six stacks named <tenant>-<area>", () => {
    const stacks = buildStacks();
    expect(Object.values(stacks).map((s) => s.node.id).sort()).toEqual(AREAS.map((a) => `kraainem-${a}`).sort());
  });

  test("each stack has the azurerm, azuread and msgraph providers for the tenant and no credentials", () => {
    const t = kraainem();
    for (const stack of Object.values(buildStacks())) {
      const json = synthJson(stack);
      // sources in full, versions exact: what the lock file pins (facts/providers.ts)
      expect(json.terraform!.required_providers).toEqual({
        azurerm: { source: "hashicorp/azurerm", version: "4.55.0" },
        azuread: { source: "hashicorp/azuread", version: "3.7.0" },
        msgraph: { source: "microsoft/msgraph", version: "0.5.0" },
      });
      expect(json.provider!.azurerm[0]).toMatchObject({ subscription_id: t.subscriptionId, tenant_id: t.tenantId, storage_use_azuread: true });
      expect(json.provider!.azuread[0]).toEqual({ tenant_id: t.tenantId });
      expect(json.provider!.msgraph[0]).toEqual({ tenant_id: t.tenantId });
      expect(JSON.stringify(json.provider)).not.toMatch(/secret|password|certificate/i);
    }
  });

  test("local state by default", () => {
    for (const stack of Object.values(buildStacks())) {
      expect(synthJson(stack).terraform!.backend).toEqual({ local: { path: `terraform.${stack.node.id}.tfstate` } });
    }
  });

  test("with `state` in the tenant file: azurerm backend with OIDC and Entra auth, one key per stack; the state stack stays local", () => {
    const state = { resourceGroupName: "rg-kraainem-state", storageAccountName: "stkraainemtfstate", containerName: "tfstate", allowedIpRanges: [], softDeleteRetentionDays: 30 };
    const stacks = buildStacks({ ...kraainem(), state });
    for (const stack of Object.values(stacks)) {
      const backend = synthJson(stack).terraform!.backend;
      if (stack.node.id === "kraainem-state") {
        expect(backend).toHaveProperty("local");
      } else {
        expect(backend).toEqual({
          azurerm: {
            resource_group_name: "rg-kraainem-state",
            storage_account_name: "stkraainemtfstate",
            container_name: "tfstate",
            key: `${stack.node.id}.tfstate`,
            subscription_id: kraainem().subscriptionId,
            tenant_id: kraainem().tenantId,
            use_oidc: true,
            use_azuread_auth: true,
          },
        });
      }
    }
  });
});

describe("cross-stack references on local state", () => {
  test("a consumer reads the producer's state file in the producer's folder, as the producer writes it", () => {
    const outdir = tempDir();
    const app = new App({ outdir });
    buildTenant(app, kraainem());
    app.synth();
    const read = (stack: string) => JSON.parse(fs.readFileSync(`${outdir}/stacks/${stack}/cdk.tf.json`, "utf8"));
    const remote = read("kraainem-remote-access").data.terraform_remote_state;
    const identity = remote["cross-stack-reference-input-kraainem-identity"];
    const producerPath = read("kraainem-identity").terraform!.backend.local.path;
    // terraform resolves the path from the consumer's folder cdktf.out/stacks/kraainem-remote-access
    expect(identity).toEqual({ backend: "local", config: { path: `../kraainem-identity/${producerPath}` }, workspace: "${terraform.workspace}" });
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
