import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const FEATURES = ["displayAppInformationRequiredState", "displayLocationInformationRequiredState"];

export default defineRule({
  id: "WP-ID-010",
  level: "warning",
  title: "Microsoft Authenticator shows the app name and location",
  explanation: "Showing which app and where a sign-in comes from lets users spot MFA fatigue attacks instead of approving them.",
  fix: 'Set featureSettings.displayAppInformationRequiredState and displayLocationInformationRequiredState to state "enabled" for all users.',
  controls: ["MS.AAD.3.3", "CIS 5.2.3.1", "EIDSCA.AM03", "EIDSCA.AM06"],
  check: (ctx) =>
    byUrl(ctx, "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/MicrosoftAuthenticator").map((r) => {
      const f = graphBody(r).featureSettings ?? {};
      return verdict(r, FEATURES.map((k) => f[k]?.state !== "enabled" && `featureSettings.${k} is not enabled`));
    }),
});
