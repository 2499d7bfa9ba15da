import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

export default defineRule({
  id: "WP-TEAMS-005",
  level: "warning",
  title: "Cloud recording is off in the global meeting policy",
  explanation:
    "Recordings of staff and council meetings are personal data with retention duties; only named roles (the council secretariat) get a custom policy that allows recording.",
  fix: "Set AllowCloudRecording = $false in the Global meeting policy (Microsoft's default is on) and grant a custom recording policy to the group that needs it.",
  controls: ["MS.TEAMS.1.6", "CIS 8.5.9"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTeamsMeetingPolicy", "Global").map(({ stack, policy }) =>
      teamsVerdict(stack, policy, [param(policy, "AllowCloudRecording", true) !== false && "AllowCloudRecording is not false"]),
    ),
});
