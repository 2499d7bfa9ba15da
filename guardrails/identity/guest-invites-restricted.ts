import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const ALLOWED = ["adminsAndGuestInviters", "none"];

export default defineRule({
  id: "WP-ID-005",
  level: "warning",
  title: "Only administrators and Guest Inviters invite guests",
  explanation: "When every user can invite, guests arrive without anyone deciding they should; the Guest Inviter role keeps invitations with named people.",
  fix: 'Set allowInvitesFrom = "adminsAndGuestInviters" in the authorization policy.',
  controls: ["MS.AAD.8.2", "CIS 5.1.6.3", "EIDSCA.AP04"],
  check: (ctx) =>
    byUrl(ctx, "policies/authorizationPolicy").map((r) => {
      const v = graphBody(r).allowInvitesFrom;
      return verdict(r, [!ALLOWED.includes(v) && `allowInvitesFrom is ${v ?? "not set"}`]);
    }),
});
