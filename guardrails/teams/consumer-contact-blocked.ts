import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

export default defineRule({
  id: "WP-TEAMS-007",
  level: "error",
  title: "Unmanaged (consumer) Teams accounts cannot start contact with staff",
  explanation: "Consumer accounts are free and anonymous; inbound contact from them is a known phishing and malware channel.",
  fix: "Set AllowTeamsConsumer = $false (preferred) or AllowTeamsConsumerInbound = $false in CsTenantFederationConfiguration.",
  controls: ["MS.TEAMS.2.2", "MS.TEAMS.2.3", "CIS 8.2.2", "CIS 8.2.3"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTenantFederationConfiguration").map(({ stack, policy }) =>
      teamsVerdict(stack, policy, [
        param(policy, "AllowTeamsConsumer", true) !== false &&
          param(policy, "AllowTeamsConsumerInbound", true) !== false &&
          "AllowTeamsConsumer and AllowTeamsConsumerInbound are on",
      ]),
    ),
});
