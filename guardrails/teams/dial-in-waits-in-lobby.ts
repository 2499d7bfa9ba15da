import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

export default defineRule({
  id: "WP-TEAMS-004",
  level: "warning",
  title: "Dial-in callers wait in the lobby",
  explanation: "A phone number shows nothing about who is calling; an organiser must admit dial-in callers.",
  fix: "Set AllowPSTNUsersToBypassLobby = $false in every Teams meeting policy (the default).",
  controls: ["MS.TEAMS.1.5", "CIS 8.5.4", "MT.1042"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTeamsMeetingPolicy").map(({ stack, policy }) =>
      teamsVerdict(stack, policy, [param(policy, "AllowPSTNUsersToBypassLobby", false) !== false && "AllowPSTNUsersToBypassLobby is not false"]),
    ),
});
