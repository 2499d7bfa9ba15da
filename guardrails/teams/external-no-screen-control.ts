import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

export default defineRule({
  id: "WP-TEAMS-002",
  level: "warning",
  title: "External participants cannot give or request control of a shared screen",
  explanation: "Taking control of a shared screen is taking control of the presenter's laptop; external participants have no reason to.",
  fix: "Set AllowExternalParticipantGiveRequestControl = $false in every Teams meeting policy (the default).",
  controls: ["MS.TEAMS.1.1", "CIS 8.5.7", "MT.1048"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTeamsMeetingPolicy").map(({ stack, policy }) =>
      teamsVerdict(stack, policy, [
        param(policy, "AllowExternalParticipantGiveRequestControl", false) !== false && "AllowExternalParticipantGiveRequestControl is not false",
      ]),
    ),
});
