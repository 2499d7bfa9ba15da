/** Teams messaging policy (`Set-CsTeamsMessagingPolicy`), baselines.md §2.4 T18. */
import { GLOBAL, teamsPolicy } from "../../constructs/teams/policy";

export const globalMessagingPolicy = teamsPolicy("TeamsMessagingPolicy", GLOBAL, {
  AllowSecurityEndUserReporting: true, // CIS 8.6.1: users report suspicious messages to security
  AllowCommunicationComplianceEndUserReporting: true,
});
