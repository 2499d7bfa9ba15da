/**
 * Teams apps (`Set-CsTeamsAppSetupPolicy`, `Set-CsTeamsAppPermissionPolicy`), baselines.md §2.4 T17:
 * no side-loading; Microsoft apps allowed unless blocked; third-party and custom apps only from
 * the tenant file's allow-lists (MS.TEAMS.5.1–5.3, CIS 8.4.1).
 */
import type { TeamsSection } from "../../tenants/sections/teams";
import { GLOBAL, teamsPolicy } from "../../constructs/teams/policy";

export const globalAppSetupPolicy = teamsPolicy("TeamsAppSetupPolicy", GLOBAL, {
  AllowSideLoading: false, // MS.TEAMS.5.3: no custom app uploads
  AllowUserPinning: true,
});

export function globalAppPermissionPolicy(teams: TeamsSection) {
  const { apps } = teams;
  return teamsPolicy("TeamsAppPermissionPolicy", GLOBAL, {
    DefaultCatalogAppsType: "BlockedAppList", //  MS.TEAMS.5.1: Microsoft apps, minus the blocked ones
    DefaultCatalogApps: apps.blockedMicrosoftApps,
    GlobalCatalogAppsType: "AllowedAppList", //   MS.TEAMS.5.2: third-party apps only from the allow-list
    GlobalCatalogApps: apps.allowedThirdPartyApps,
    PrivateCatalogAppsType: "AllowedAppList", //  MS.TEAMS.5.3: custom apps only from the allow-list
    PrivateCatalogApps: apps.allowedCustomApps,
  });
}
