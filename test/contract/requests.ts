/**
 * The Microsoft Graph requests a synthesized stack makes through the microsoft/msgraph provider,
 * one per msgraph resource or data source, in the provider's own terms (URL, API version, method,
 * body). The contract test checks these against Graph's published metadata; the fixture
 * regeneration script (scripts/contract/prune-graph-metadata.mjs) prunes the metadata to them.
 */

export type GraphApiVersion = "v1.0" | "beta";

/**
 * What the provider does with the body:
 * - `create`: POST to a collection URL, or PUT to an item URL with `create_method = "PUT"`
 *   (msgraph_resource); the same body is sent again with the resource's update method when it
 *   changes.
 * - `update`: PATCH/PUT on an item URL (msgraph_update_resource, or an action without a path).
 * - `action`: POST to a bound action or function (msgraph_resource_action with `action`).
 * - `references`: the set of references behind a `.../$ref` URL (msgraph_resource_collection).
 * - `read`: GET (data source msgraph_resource).
 */
export type GraphOperation = "create" | "update" | "action" | "references" | "read";

export interface GraphRequest {
  /** `<stack> <terraform type>.<name>`, or `<stack> data.<type>.<name>` for a data source. */
  readonly address: string;
  readonly apiVersion: GraphApiVersion;
  readonly operation: GraphOperation;
  readonly method: string;
  /** Graph path relative to the API version, with `${msgraph_resource.x.resource_url}` resolved. */
  readonly url: string;
  /** Which attribute the URL came from (`url` or `resource_url`), for messages. */
  readonly urlAttribute: string;
  readonly body?: unknown;
}

/** The parts of a synthesized stack this module reads. */
export interface StackJsonLike {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
}

const REF_PREFIX = /^\$\{msgraph_resource\.([A-Za-z0-9_-]+)\.resource_url\}/;

function apiVersionOf(r: Record<string, unknown>): GraphApiVersion {
  return (r.api_version as GraphApiVersion | undefined) ?? "v1.0";
}

/**
 * Replaces a leading `${msgraph_resource.<name>.resource_url}` by that resource's collection URL
 * and an `{id}` key: the provider's `resource_url` is `<url>/<id>`.
 */
function resolveResourceUrl(url: string, resources: Record<string, Record<string, unknown>>): string {
  const m = REF_PREFIX.exec(url);
  if (!m) return url;
  const target = resources[m[1]];
  if (!target || typeof target.url !== "string") return url;
  return `${target.url.replace(/\/+$/, "")}/{id}${url.slice(m[0].length)}`;
}

function joinPath(base: string, action: string | undefined): string {
  if (!action) return base;
  return `${base.replace(/\/+$/, "")}/${action.replace(/^\/+/, "")}`;
}

/** Every msgraph request of one synthesized stack, in a stable order (type, then name). */
export function graphRequestsOf(stackName: string, json: StackJsonLike): GraphRequest[] {
  const out: GraphRequest[] = [];
  const res = json.resource ?? {};
  const created = res.msgraph_resource ?? {};
  const sorted = (o: Record<string, Record<string, unknown>> | undefined) => Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  for (const [name, r] of sorted(res.msgraph_resource)) {
    const url = r.url as string;
    const isRef = /\/\$ref$/.test(url);
    out.push({
      address: `${stackName} msgraph_resource.${name}`,
      apiVersion: apiVersionOf(r),
      operation: isRef ? "references" : "create",
      // create_method PUT creates at the item URL itself; POST adds to the collection URL
      method: (r.create_method as string | undefined) ?? "POST",
      url,
      urlAttribute: "url",
      body: r.body,
    });
  }
  for (const [name, r] of sorted(res.msgraph_update_resource)) {
    out.push({
      address: `${stackName} msgraph_update_resource.${name}`,
      apiVersion: apiVersionOf(r),
      operation: "update",
      method: (r.update_method as string | undefined) ?? "PATCH",
      url: r.url as string,
      urlAttribute: "url",
      body: r.body,
    });
  }
  for (const [name, r] of sorted(res.msgraph_resource_action)) {
    const method = r.method as string;
    const action = r.action as string | undefined;
    const operation: GraphOperation = action ? "action" : method === "PATCH" || method === "PUT" ? "update" : method === "GET" ? "read" : "action";
    out.push({
      address: `${stackName} msgraph_resource_action.${name}`,
      apiVersion: apiVersionOf(r),
      operation,
      method,
      url: joinPath(resolveResourceUrl(r.resource_url as string, created), action),
      urlAttribute: action ? "resource_url + action" : "resource_url",
      body: r.body,
    });
  }
  for (const [name, r] of sorted(res.msgraph_resource_collection)) {
    out.push({
      address: `${stackName} msgraph_resource_collection.${name}`,
      apiVersion: apiVersionOf(r),
      operation: "references",
      method: "POST",
      url: r.url as string,
      urlAttribute: "url",
    });
  }
  for (const [name, r] of sorted(json.data?.msgraph_resource)) {
    out.push({
      address: `${stackName} data.msgraph_resource.${name}`,
      apiVersion: apiVersionOf(r),
      operation: "read",
      method: "GET",
      url: resolveResourceUrl(r.url as string, created),
      urlAttribute: "url",
    });
  }
  return out;
}
