import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const FEATURES = ["numberMatchingRequiredState", "displayAppInformationRequiredState", "displayLocationInformationRequiredState"];

export default defineRule({
  id: "WP-ID-010",
  level: "warning",
  title: "Microsoft Authenticator asks for number matching and shows the app name and location",
  explanation: "Showing which app and where a sign-in comes from lets users spot MFA fatigue attacks instead of approving them.",
  fix: 'Set featureSettings.numberMatchingRequiredState, displayAppInformationRequiredState and displayLocationInformationRequiredState to state "enabled" with includeTarget all_users (Graph beta).',
  controls: ["MS.AAD.3.3", "CIS 5.2.3.1", "EIDSCA.AM03", "EIDSCA.AM04", "EIDSCA.AM06", "EIDSCA.AM07", "EIDSCA.AM09", "EIDSCA.AM10"],
  check: (ctx) =>
    byUrl(ctx, "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/MicrosoftAuthenticator").map((r) => {
      const f = graphBody(r).featureSettings ?? {};
      return verdict(r, FEATURES.flatMap((k) => [f[k]?.state !== "enabled" && `featureSettings.${k} is not enabled`, f[k]?.state === "enabled" && f[k]?.includeTarget?.id !== "all_users" && `featureSettings.${k} is not for all users`]));
    }),
});
