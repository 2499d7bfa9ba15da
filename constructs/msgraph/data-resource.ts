import * as cdktf from "cdktf";
import { Construct } from "constructs";
import { AttributeTable, GraphApiVersion, MsGraphDataSourceBase, MsGraphRetry, QueryParameters } from "./base";

/** Data source `msgraph_resource`: reads a collection or an item (e.g. `subscribedSkus`). */
export interface DataMsGraphResourceConfig extends cdktf.TerraformMetaArguments {
  readonly url: string;
  /** @default "v1.0" */
  readonly apiVersion?: GraphApiVersion;
  /** @default - nothing exported */
  readonly responseExportValues?: Record<string, string>;
  /** @default - none */
  readonly headers?: Record<string, string>;
  /** @default - none */
  readonly queryParameters?: QueryParameters;
  /** @default - no retries */
  readonly retry?: MsGraphRetry;
  /** @default - the provider's timeout */
  readonly timeouts?: { readonly read?: string };
}

export const DATA_MSGRAPH_RESOURCE_ATTRIBUTES: AttributeTable<DataMsGraphResourceConfig> = {
  url: { tf: "url", kind: "string" },
  apiVersion: { tf: "api_version", kind: "string" },
  responseExportValues: { tf: "response_export_values", kind: "stringMap" },
  headers: { tf: "headers", kind: "stringMap" },
  queryParameters: { tf: "query_parameters", kind: "queryParameters" },
  retry: { tf: "retry", kind: "retry" },
  timeouts: { tf: "timeouts", kind: "timeouts" },
};

export class DataMsGraphResource extends MsGraphDataSourceBase<DataMsGraphResourceConfig> {
  static readonly tfResourceType = "msgraph_resource";
  constructor(scope: Construct, id: string, readonly props: DataMsGraphResourceConfig) {
    super(scope, id, DataMsGraphResource.tfResourceType, props, DATA_MSGRAPH_RESOURCE_ATTRIBUTES);
  }
}
