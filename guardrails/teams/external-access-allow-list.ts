import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

export default defineRule({
  id: "WP-TEAMS-006",
  level: "error",
  title: "External access (federation) is limited to allow-listed domains",
  explanation: "Open federation lets any Microsoft 365 tenant chat with staff, the route of Teams-borne phishing; other municipalities and partners go on an allow-list.",
  fix: "Set AllowFederatedUsers = $false, or keep it on with a non-empty AllowedDomainsAsAList (or AllowedDomains) in CsTenantFederationConfiguration.",
  controls: ["MS.TEAMS.2.1", "CIS 8.2.1"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTenantFederationConfiguration").map(({ stack, policy }) => {
      const federated = param(policy, "AllowFederatedUsers", true) !== false;
      // Set-CsTenantFederationConfiguration takes the list as AllowedDomainsAsAList (plain strings)
      // or AllowedDomains (an object built with New-CsEdgeAllowList)
      const allowed = param(policy, "AllowedDomainsAsAList", undefined) ?? param(policy, "AllowedDomains", undefined);
      const hasList = Array.isArray(allowed) ? allowed.length > 0 : typeof allowed === "string" && allowed !== "" && allowed !== "AllowAllKnownDomains";
      return teamsVerdict(stack, policy, [federated && !hasList && "AllowFederatedUsers is on without an AllowedDomains list"]);
    }),
});
