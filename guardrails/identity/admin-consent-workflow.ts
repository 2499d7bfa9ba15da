import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-007",
  level: "error",
  title: "The admin consent workflow is on, with reviewers",
  explanation: "With user consent off, users need a way to ask for an app; without the workflow they look for workarounds and nobody sees the request.",
  fix: "Set isEnabled = true and at least one reviewer in policies/adminConsentRequestPolicy (tenant file: adminConsent.reviewers).",
  controls: ["MS.AAD.5.3", "CIS 5.1.5.2", "EIDSCA.CR01"],
  check: (ctx) =>
    byUrl(ctx, "policies/adminConsentRequestPolicy").map((r) => {
      const b = graphBody(r);
      return verdict(r, [b.isEnabled !== true && "isEnabled is not true", !(Array.isArray(b.reviewers) && b.reviewers.length > 0) && "no reviewers"]);
    }),
});
