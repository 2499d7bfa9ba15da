import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-020",
  level: "warning",
  title: "Administrators do not reset their own password; nobody consents to risky apps",
  explanation:
    "An administrator's password reset by self-service is only as strong as the weakest recovery method; another administrator resets it instead. Risk-based step-up sends consent to a risky app to the admin consent workflow.",
  fix: "Set allowedToUseSSPR false and allowUserConsentForRiskyApps false in the authorization policy (policies/identity/authorization-policy.ts).",
  controls: ["EIDSCA.AP01", "EIDSCA.AP09"],
  check: (ctx) =>
    byUrl(ctx, "policies/authorizationPolicy").map((r) => {
      const b = graphBody(r);
      return verdict(r, [
        b.allowedToUseSSPR !== false && `allowedToUseSSPR is ${b.allowedToUseSSPR ?? "not set (Entra's default true)"}`,
        b.allowUserConsentForRiskyApps !== false && `allowUserConsentForRiskyApps is ${b.allowUserConsentForRiskyApps ?? "not set"}`,
      ]);
    }),
});
