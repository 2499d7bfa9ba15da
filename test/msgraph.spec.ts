import { Testing, TerraformStack } from "cdktf";
import {
  DataMsGraphResource,
  MsGraphProvider,
  MsGraphResource,
  MsGraphResourceAction,
  MsGraphResourceCollection,
  MsGraphUpdateResource,
} from "../constructs/msgraph";
import { synthJson } from "./helpers";

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), "msgraph-test");
  new MsGraphProvider(s, "msgraph", { tenantId: "00000000-0000-0000-0000-000000000001", useOidc: true });
  return s;
}

describe("msgraph bindings (microsoft/msgraph 0.5.0 schema)", () => {
  test("the provider is required from microsoft/msgraph at exactly 0.5.0 and takes only non-secret settings", () => {
    const json = synthJson(stack());
    expect(json.terraform!.required_providers!.msgraph).toEqual({ source: "microsoft/msgraph", version: "0.5.0" });
    expect(json.provider!.msgraph).toEqual([{ tenant_id: "00000000-0000-0000-0000-000000000001", use_oidc: true }]);
  });

  test("msgraph_resource: snake_case attributes, Graph body keys and @odata.type unchanged", () => {
    const s = stack();
    new MsGraphResource(s, "r", {
      url: "deviceManagement/deviceConfigurations",
      apiVersion: "beta",
      body: { "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", defenderRequireRealTimeMonitoring: true, nested: { someKey: [1] } },
      ignoreMissingProperty: true,
      readQueryParameters: { $expand: ["settings"] },
      responseExportValues: { all: "@" },
      retry: { errorMessageRegex: ["ResourceNotFound"] },
      updateMethod: "PUT",
      createMethod: "POST",
      timeouts: { create: "30m" },
    });
    expect(synthJson(s).resource!.msgraph_resource.r).toMatchObject({
      create_method: "POST",
      url: "deviceManagement/deviceConfigurations",
      api_version: "beta",
      body: { "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", defenderRequireRealTimeMonitoring: true, nested: { someKey: [1] } },
      ignore_missing_property: true,
      read_query_parameters: { $expand: ["settings"] },
      response_export_values: { all: "@" },
      retry: { error_message_regex: ["ResourceNotFound"] },
      update_method: "PUT",
      timeouts: { create: "30m" },
    });
  });

  test("msgraph_update_resource, msgraph_resource_action and msgraph_resource_collection", () => {
    const s = stack();
    const target = new MsGraphResource(s, "group", { url: "groups", body: { displayName: "x" } });
    new MsGraphUpdateResource(s, "u", { url: "policies/authorizationPolicy", body: { blockMsolPowerShell: true } });
    new MsGraphResourceAction(s, "a", {
      resourceUrl: `groups/${target.graphId}`,
      action: "assignLicense",
      method: "POST",
      body: { addLicenses: [], removeLicenses: [] },
      headers: { ConsistencyLevel: "eventual" },
    });
    new MsGraphResourceCollection(s, "c", { url: `groups/${target.graphId}/members/$ref`, referenceIds: ["a", "b"], skipDestroy: true });
    const r = synthJson(s).resource!;
    expect(r.msgraph_update_resource.u).toMatchObject({ url: "policies/authorizationPolicy", body: { blockMsolPowerShell: true } });
    expect(r.msgraph_resource_action.a).toMatchObject({
      resource_url: "groups/${msgraph_resource.group.id}",
      action: "assignLicense",
      method: "POST",
      headers: { ConsistencyLevel: "eventual" },
    });
    expect(r.msgraph_resource_collection.c).toMatchObject({ url: "groups/${msgraph_resource.group.id}/members/$ref", reference_ids: ["a", "b"], skip_destroy: true });
  });

  test("the provider's cloud environment is passed through", () => {
    const s = new TerraformStack(Testing.app(), "msgraph-env");
    new MsGraphProvider(s, "msgraph", { tenantId: "00000000-0000-0000-0000-000000000001", environment: "global" });
    expect(synthJson(s).provider!.msgraph).toEqual([{ tenant_id: "00000000-0000-0000-0000-000000000001", environment: "global" }]);
  });

  test("a collection URL that does not end in /$ref is refused at synth time", () => {
    expect(() => new MsGraphResourceCollection(stack(), "c", { url: "groups/1/members" })).toThrow(/must end in \/\$ref/);
  });

  test("data source msgraph_resource and exported values", () => {
    const s = stack();
    const skus = new DataMsGraphResource(s, "skus", { url: "subscribedSkus", responseExportValues: { ids: "value[].skuId" } });
    new MsGraphUpdateResource(s, "u", { url: "x", body: { ids: skus.exportedValue("ids") } });
    const json = synthJson(s);
    expect(json.data!.msgraph_resource.skus).toMatchObject({ url: "subscribedSkus", response_export_values: { ids: "value[].skuId" } });
    expect(json.resource!.msgraph_update_resource.u.body).toEqual({ ids: "${data.msgraph_resource.skus.output.ids}" });
  });

  test("unset optional attributes are omitted, not emitted as null", () => {
    const s = stack();
    new MsGraphResource(s, "r", { url: "groups" });
    expect(synthJson(s).resource!.msgraph_resource.r).toEqual({ url: "groups" });
  });
});
