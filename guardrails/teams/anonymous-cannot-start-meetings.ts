import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

export default defineRule({
  id: "WP-TEAMS-001",
  level: "error",
  title: "Anonymous users and dial-in callers cannot start meetings",
  explanation: "A meeting started by an anonymous caller runs without anyone from the municipality present, on the municipality's bridge.",
  fix: "Set AllowAnonymousUsersToStartMeeting = $false in every Teams meeting policy (the default).",
  controls: ["MS.TEAMS.1.2", "CIS 8.5.2", "MT.1047"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTeamsMeetingPolicy").map(({ stack, policy }) =>
      teamsVerdict(stack, policy, [param(policy, "AllowAnonymousUsersToStartMeeting", false) !== false && "AllowAnonymousUsersToStartMeeting is not false"]),
    ),
});
