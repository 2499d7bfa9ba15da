/** msgraph resources (`msgraph_resource`, `msgraph_update_resource`) found by url or `@odata.type`. */
import { Outcome, RuleContext, stackOutcome } from "./rule";
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

/**
 * For the tenant singletons every identity stack declares: the outcomes of `check` on each
 * resource found, or one failure on the identity stack when none is (an override removed it).
 * No identity stack in the output: not applicable.
 */
export function inIdentityStack(ctx: RuleContext, found: TfResource[], missing: string, check: (r: TfResource) => Outcome): Outcome[] {
  const identity = ctx.stacks.find((s) => s.area === "identity");
  if (!identity) return [];
  if (found.length === 0) return [stackOutcome(identity.name, false, missing)];
  return found.map(check);
}

/** Directory setting objects (beta `settings`, v1.0 `groupSettings`) of one template, by templateId in the body. */
export function directorySettings(ctx: RuleContext, templateId: string): TfResource[] {
  return graphResources(ctx).filter((r) => String(graphBody(r).templateId ?? "").toLowerCase() === templateId.toLowerCase());
}
