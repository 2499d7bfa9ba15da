/** msgraph resources (`msgraph_resource`, `msgraph_update_resource`) found by url or `@odata.type`. */
import type { RuleContext } from "./rule";
import { GROUP_UNIFIED_TEMPLATE_ID } from "../policies/teams/group-settings";
import { graphBody, graphUrl, Json, odataType, TfResource } from "../stacks/synthesized";

export const MSGRAPH_TYPES = ["msgraph_resource", "msgraph_update_resource"] as const;

export function graphResources(ctx: RuleContext): TfResource[] {
  return MSGRAPH_TYPES.flatMap((t) => ctx.resources(t));
}

/** Resources whose url is `url` (case-insensitive, without api version). */
export function byUrl(ctx: RuleContext, url: string): TfResource[] {
  return graphResources(ctx).filter((r) => graphUrl(r).toLowerCase() === url.toLowerCase());
}

/** Resources whose body has `@odata.type` `#microsoft.graph.<type>`. */
export function byODataType(ctx: RuleContext, type: string): TfResource[] {
  return graphResources(ctx).filter((r) => odataType(r)?.toLowerCase() === `microsoft.graph.${type}`.toLowerCase());
}

/** `Group.Unified` directory setting objects (template 62375ab9-...), by templateId in the body. */
export const GROUP_UNIFIED_TEMPLATE = GROUP_UNIFIED_TEMPLATE_ID;

/** The `values: [{name, value}]` of a directory setting as a map. */
export function settingValues(body: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of Array.isArray(body?.values) ? body.values : []) {
    if (typeof v?.name === "string") out[v.name] = String(v.value);
  }
  return out;
}

export { graphBody };
