import * as cdktf from "cdktf";
import { Construct } from "constructs";
import { AttributeTable, GraphApiVersion, GraphBody, MsGraphResourceBase, MsGraphRetry, QueryParameters } from "./base";

/**
 * `msgraph_resource_action`: calls a Graph action (e.g. `groups/{id}/assignLicense`). It runs on
 * create and again when body, query parameters or headers change; destroy undoes nothing.
 */
export interface MsGraphResourceActionConfig extends cdktf.TerraformMetaArguments {
  /** URL of the object the action runs on, e.g. `groups/<id>`. */
  readonly resourceUrl: string;
  /** Action path appended to the URL, e.g. `assignLicense`. @default - the resource URL itself */
  readonly action?: string;
  readonly method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
  /** @default "v1.0" */
  readonly apiVersion?: GraphApiVersion;
  /** @default - no body */
  readonly body?: GraphBody;
  /** @default - none */
  readonly queryParameters?: QueryParameters;
  /** @default - none */
  readonly headers?: Record<string, string>;
  /** @default - nothing exported */
  readonly responseExportValues?: Record<string, string>;
  /** @default - no retries */
  readonly retry?: MsGraphRetry;
  /** @default - the provider's timeout */
  readonly timeouts?: { readonly create?: string };
}

export const MSGRAPH_RESOURCE_ACTION_ATTRIBUTES: AttributeTable<MsGraphResourceActionConfig> = {
  resourceUrl: { tf: "resource_url", kind: "string" },
  action: { tf: "action", kind: "string" },
  method: { tf: "method", kind: "string" },
  apiVersion: { tf: "api_version", kind: "string" },
  body: { tf: "body", kind: "dynamic" },
  queryParameters: { tf: "query_parameters", kind: "queryParameters" },
  headers: { tf: "headers", kind: "stringMap" },
  responseExportValues: { tf: "response_export_values", kind: "stringMap" },
  retry: { tf: "retry", kind: "retry" },
  timeouts: { tf: "timeouts", kind: "timeouts" },
};

export class MsGraphResourceAction extends MsGraphResourceBase<MsGraphResourceActionConfig> {
  static readonly tfResourceType = "msgraph_resource_action";
  constructor(scope: Construct, id: string, readonly props: MsGraphResourceActionConfig) {
    super(scope, id, MsGraphResourceAction.tfResourceType, props, MSGRAPH_RESOURCE_ACTION_ATTRIBUTES);
  }
}
