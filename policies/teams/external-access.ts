/**
 * Teams external access (`Set-CsTenantFederationConfiguration`), baselines.md §2.4 T12–T14:
 * chat and meetings only with the organisations on the tenant file's allow-list, and never with
 * consumer (unmanaged) Teams accounts.
 */
import type { TeamsSection } from "../../tenants/sections/teams";
import { GLOBAL, teamsPolicy } from "../../constructs/teams/policy";

export function federationConfiguration(teams: TeamsSection) {
  const domains = teams.externalAccess.allowedDomains;
  return teamsPolicy("TenantFederationConfiguration", GLOBAL, {
    // MS.TEAMS.2.1, CIS 8.2.1: federation off, or only the allow-listed domains
    AllowFederatedUsers: domains.length > 0,
    ...(domains.length > 0 ? { AllowedDomainsAsAList: domains } : {}),
    AllowTeamsConsumer: false, //               MS.TEAMS.2.3, CIS 8.2.2
    AllowTeamsConsumerInbound: false, //        MS.TEAMS.2.2, CIS 8.2.3
    ExternalAccessWithTrialTenants: "Blocked", // trial tenants are a phishing channel
  });
}
