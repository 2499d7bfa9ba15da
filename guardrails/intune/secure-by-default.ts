import { byODataType, graphBody, graphResources } from "../graph";
import { defineRule, pass, stackOutcome } from "../rule";
import type { Json } from "../../stacks/synthesized";

/** The value of `secureByDefault` anywhere in a Graph body (`{settings: {secureByDefault}}` on deviceManagement). */
function secureByDefault(body: Json): unknown {
  if (!body || typeof body !== "object") return undefined;
  if ("secureByDefault" in body) return body.secureByDefault;
  for (const v of Object.values(body)) {
    const found = secureByDefault(v);
    if (found !== undefined) return found;
  }
  return undefined;
}

export default defineRule({
  id: "WP-INTUNE-006",
  level: "warning",
  title: "Devices without a compliance policy are not compliant",
  explanation: "By default Intune marks a device that no compliance policy targets as compliant, so a device outside every assignment passes the compliant-device check.",
  fix: "PATCH deviceManagement with settings.secureByDefault = true (msgraph_update_resource in the devices stack).",
  controls: ["CIS 4.1", "MT.1054"],
  check: (ctx) => {
    const compliance = byODataType(ctx, "windows10CompliancePolicy");
    if (compliance.length === 0) return [];
    const setting = graphResources(ctx).filter((r) => secureByDefault(graphBody(r)) !== undefined);
    const on = setting.filter((r) => secureByDefault(graphBody(r)) === true);
    if (setting.length > 0 && on.length === setting.length) return on.map(pass);
    return [stackOutcome(compliance[0].stack, false, setting.length ? "secureByDefault is false" : "secureByDefault is not set to true; devices without a compliance policy count as compliant")];
  },
});
