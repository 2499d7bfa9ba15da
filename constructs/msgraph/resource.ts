import * as cdktf from "cdktf";
import { Construct } from "constructs";
import {
  AttributeTable,
  GraphApiVersion,
  GraphBody,
  MsGraphResourceBase,
  MsGraphRetry,
  MsGraphTimeouts,
  QueryParameters,
} from "./base";

/** `msgraph_resource`: an object created with POST on a collection URL and managed at `url/{id}`. */
export interface MsGraphResourceConfig extends cdktf.TerraformMetaArguments {
  /** Collection URL (e.g. `groupLifecyclePolicies`) or a `.../$ref` URL. */
  readonly url: string;
  /** @default "v1.0" */
  readonly apiVersion?: GraphApiVersion;
  /** Request body. @default - no body */
  readonly body?: GraphBody;
  /** Ignore body properties the GET does not return (write-only fields). @default true */
  readonly ignoreMissingProperty?: boolean;
  /** @default - none */
  readonly createQueryParameters?: QueryParameters;
  /** @default - none */
  readonly updateQueryParameters?: QueryParameters;
  /** @default - none */
  readonly readQueryParameters?: QueryParameters;
  /** @default - none */
  readonly deleteQueryParameters?: QueryParameters;
  /** name → JMESPath over the GET response; `"@"` is the whole body. @default - nothing exported */
  readonly responseExportValues?: Record<string, string>;
  /** @default - no retries */
  readonly retry?: MsGraphRetry;
  /** @default "PATCH" */
  readonly updateMethod?: "PATCH" | "PUT";
  /** `PUT` creates at `url` itself (an item URL), for objects Graph creates by PUT. @default "POST" */
  readonly createMethod?: "POST" | "PUT";
  /** @default - the provider's timeouts */
  readonly timeouts?: MsGraphTimeouts;
}

export const MSGRAPH_RESOURCE_ATTRIBUTES: AttributeTable<MsGraphResourceConfig> = {
  url: { tf: "url", kind: "string" },
  apiVersion: { tf: "api_version", kind: "string" },
  body: { tf: "body", kind: "dynamic" },
  ignoreMissingProperty: { tf: "ignore_missing_property", kind: "bool" },
  createQueryParameters: { tf: "create_query_parameters", kind: "queryParameters" },
  updateQueryParameters: { tf: "update_query_parameters", kind: "queryParameters" },
  readQueryParameters: { tf: "read_query_parameters", kind: "queryParameters" },
  deleteQueryParameters: { tf: "delete_query_parameters", kind: "queryParameters" },
  responseExportValues: { tf: "response_export_values", kind: "stringMap" },
  retry: { tf: "retry", kind: "retry" },
  updateMethod: { tf: "update_method", kind: "string" },
  createMethod: { tf: "create_method", kind: "string" },
  timeouts: { tf: "timeouts", kind: "timeouts" },
};

export class MsGraphResource extends MsGraphResourceBase<MsGraphResourceConfig> {
  static readonly tfResourceType = "msgraph_resource";
  constructor(scope: Construct, id: string, readonly props: MsGraphResourceConfig) {
    super(scope, id, MsGraphResource.tfResourceType, props, MSGRAPH_RESOURCE_ATTRIBUTES);
  }

  /** e.g. `applications/<id>` */
  get resourceUrl(): string {
    return this.getStringAttribute("resource_url");
  }
}
