import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

const ALLOWED = ["EveryoneInCompany", "EveryoneInSameAndFederatedCompany", "EveryoneInCompanyExcludingGuests"];

export default defineRule({
  id: "WP-TEAMS-003",
  level: "warning",
  title: "Only people of the organisation bypass the lobby (global meeting policy)",
  explanation: "With Everyone admitted automatically, anyone with the link walks into a council or staff meeting unseen; internal users are still admitted directly.",
  fix: 'Set AutoAdmittedUsers = "EveryoneInCompanyExcludingGuests" in the Global meeting policy.',
  controls: ["MS.TEAMS.1.3", "MS.TEAMS.1.4", "CIS 8.5.3", "MT.1045"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTeamsMeetingPolicy", "Global").map(({ stack, policy }) => {
      const v = param(policy, "AutoAdmittedUsers", "EveryoneInCompanyExcludingGuests");
      return teamsVerdict(stack, policy, [!ALLOWED.includes(String(v)) && `AutoAdmittedUsers is ${String(v)}`]);
    }),
});
