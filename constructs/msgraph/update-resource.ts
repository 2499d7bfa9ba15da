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

/**
 * `msgraph_update_resource`: sets properties of an object that already exists (tenant
 * singletons such as `policies/authorizationPolicy`). Destroy leaves the object as it is.
 */
export interface MsGraphUpdateResourceConfig extends cdktf.TerraformMetaArguments {
  /** Item URL of the existing object. */
  readonly url: string;
  /** @default "v1.0" */
  readonly apiVersion?: GraphApiVersion;
  /** @default "PATCH" */
  readonly updateMethod?: "PATCH" | "PUT";
  /** Properties to set. @default - no body */
  readonly body?: GraphBody;
  /** @default true */
  readonly ignoreMissingProperty?: boolean;
  /** @default - none */
  readonly updateQueryParameters?: QueryParameters;
  /** @default - none */
  readonly readQueryParameters?: QueryParameters;
  /** @default - nothing exported */
  readonly responseExportValues?: Record<string, string>;
  /** @default - no retries */
  readonly retry?: MsGraphRetry;
  /** @default - the provider's timeouts */
  readonly timeouts?: MsGraphTimeouts;
}

export const MSGRAPH_UPDATE_RESOURCE_ATTRIBUTES: AttributeTable<MsGraphUpdateResourceConfig> = {
  url: { tf: "url", kind: "string" },
  apiVersion: { tf: "api_version", kind: "string" },
  updateMethod: { tf: "update_method", kind: "string" },
  body: { tf: "body", kind: "dynamic" },
  ignoreMissingProperty: { tf: "ignore_missing_property", kind: "bool" },
  updateQueryParameters: { tf: "update_query_parameters", kind: "queryParameters" },
  readQueryParameters: { tf: "read_query_parameters", kind: "queryParameters" },
  responseExportValues: { tf: "response_export_values", kind: "stringMap" },
  retry: { tf: "retry", kind: "retry" },
  timeouts: { tf: "timeouts", kind: "timeouts" },
};

export class MsGraphUpdateResource extends MsGraphResourceBase<MsGraphUpdateResourceConfig> {
  static readonly tfResourceType = "msgraph_update_resource";
  constructor(scope: Construct, id: string, readonly props: MsGraphUpdateResourceConfig) {
    super(scope, id, MsGraphUpdateResource.tfResourceType, props, MSGRAPH_UPDATE_RESOURCE_ATTRIBUTES);
  }
}
