import * as cdktf from "cdktf";
import { ConfigurationError } from "../errors";
import { Construct } from "constructs";
import { AttributeTable, GraphApiVersion, MsGraphResourceBase, MsGraphRetry, MsGraphTimeouts, QueryParameters } from "./base";

/**
 * `msgraph_resource_collection`: the exact set of references behind a `.../$ref` URL (missing
 * ids are added, extra ones removed).
 */
export interface MsGraphResourceCollectionConfig extends cdktf.TerraformMetaArguments {
  /** Must end in `/$ref`, e.g. `groups/<id>/members/$ref`. */
  readonly url: string;
  /** @default "v1.0" */
  readonly apiVersion?: GraphApiVersion;
  /** Object ids in the collection (order does not matter). @default - empty */
  readonly referenceIds?: string[];
  /** @default - none */
  readonly readQueryParameters?: QueryParameters;
  /** @default - nothing exported */
  readonly responseExportValues?: Record<string, string>;
  /** @default - no retries */
  readonly retry?: MsGraphRetry;
  /** Leave the references in place when the resource is destroyed. @default false */
  readonly skipDestroy?: boolean;
  /** @default - the provider's timeouts */
  readonly timeouts?: MsGraphTimeouts;
}

export const MSGRAPH_RESOURCE_COLLECTION_ATTRIBUTES: AttributeTable<MsGraphResourceCollectionConfig> = {
  url: { tf: "url", kind: "string" },
  apiVersion: { tf: "api_version", kind: "string" },
  referenceIds: { tf: "reference_ids", kind: "stringList" },
  readQueryParameters: { tf: "read_query_parameters", kind: "queryParameters" },
  responseExportValues: { tf: "response_export_values", kind: "stringMap" },
  retry: { tf: "retry", kind: "retry" },
  skipDestroy: { tf: "skip_destroy", kind: "bool" },
  timeouts: { tf: "timeouts", kind: "timeouts" },
};

export class MsGraphResourceCollection extends MsGraphResourceBase<MsGraphResourceCollectionConfig> {
  static readonly tfResourceType = "msgraph_resource_collection";
  constructor(scope: Construct, id: string, readonly props: MsGraphResourceCollectionConfig) {
    if (!cdktf.Token.isUnresolved(props.url) && !props.url.endsWith("/$ref")) {
      throw new ConfigurationError(`msgraph_resource_collection url must end in /$ref, got "${props.url}"`);
    }
    super(scope, id, MsGraphResourceCollection.tfResourceType, props, MSGRAPH_RESOURCE_COLLECTION_ATTRIBUTES);
  }
}
