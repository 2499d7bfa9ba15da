import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

export default defineRule({
  id: "WP-TEAMS-008",
  level: "error",
  title: "Email into channels is off",
  explanation: "Channel addresses accept mail from anywhere and bypass the mailbox protections users are trained on.",
  fix: "Set AllowEmailIntoChannel = $false in CsTeamsClientConfiguration (Microsoft's default is on).",
  controls: ["MS.TEAMS.4.1", "CIS 8.1.2"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTeamsClientConfiguration").map(({ stack, policy }) =>
      teamsVerdict(stack, policy, [param(policy, "AllowEmailIntoChannel", true) !== false && "AllowEmailIntoChannel is not false"]),
    ),
});
