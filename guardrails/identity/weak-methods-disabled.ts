import { graphBody, graphResources } from "../graph";
import { defineRule, verdict } from "../rule";
import { graphUrl } from "../../stacks/synthesized";

const WEAK = ["sms", "voice", "email"];
const PREFIX = "policies/authenticationmethodspolicy/authenticationmethodconfigurations/";

export default defineRule({
  id: "WP-ID-009",
  level: "error",
  title: "SMS, voice and email one-time codes are off unless the tenant file keeps one with a reason",
  explanation: "SMS and voice codes are SIM-swapped and phished; they are the weakest MFA methods. The tenant file may keep one on with a written reason during onboarding.",
  fix: 'Set state "disabled" for the method, or list it under authenticationMethods.keepEnabled in the tenant file with the reason.',
  controls: ["MS.AAD.3.5", "CIS 5.2.3.5", "CIS 5.2.3.7"],
  check: (ctx) => {
    const kept = new Set(ctx.tenant.authenticationMethods.keepEnabled.map((k) => k.method.toLowerCase()));
    return graphResources(ctx)
      .filter((r) => graphUrl(r).toLowerCase().startsWith(PREFIX) && WEAK.includes(graphUrl(r).toLowerCase().slice(PREFIX.length)))
      .map((r) => {
        const method = graphUrl(r).slice(PREFIX.length);
        return verdict(r, [graphBody(r).state !== "disabled" && !kept.has(method.toLowerCase()) && `${method} is ${graphBody(r).state ?? "not disabled"} without a keepEnabled reason`]);
      });
  },
});
