/**
 * Teams apps, baselines.md §2.4 T17 (MS.TEAMS.5.1–5.3, CIS 8.4.1): no app of any catalogue is
 * available by default — Microsoft, third-party and custom apps alike come only from the tenant
 * file's allow-lists — and nobody uploads (side-loads) custom apps.
 *
 * Availability is app-centric management (APP_CENTRIC in facts/teams-cmdlets.ts): app permission
 * policies are ignored on migrated tenants. ScubaGear passes MS.TEAMS.5.1–5.3 only with DefaultApp,
 * GlobalApp and PrivateApp at None (cisagov/ScubaGear PowerShell/ScubaGear/Rego/TeamsConfig.rego).
 */
import type { TeamsSection } from "../../tenants/sections/teams";
import { GLOBAL, TeamsAppAvailability, teamsPolicy } from "../../constructs/teams/policy";

export const globalAppSetupPolicy = teamsPolicy("TeamsAppSetupPolicy", GLOBAL, {
  AllowSideLoading: false, // MS.TEAMS.5.3: no custom app uploads
  AllowUserPinning: true,
});

export function appAvailability(teams: TeamsSection): TeamsAppAvailability {
  const { apps } = teams;
  return {
    tenantSettings: {
      DefaultApp: "None", //  MS.TEAMS.5.1: Microsoft apps only from the allow-list
      GlobalApp: "None", //   MS.TEAMS.5.2: third-party apps only from the allow-list
      PrivateApp: "None", //  MS.TEAMS.5.3: custom apps only from the allow-list
    },
    available: [
      ...apps.allowedMicrosoftApps.map((id) => ({ id, catalog: "DefaultApp" as const })),
      ...apps.allowedThirdPartyApps.map((id) => ({ id, catalog: "GlobalApp" as const })),
      ...apps.allowedCustomApps.map((id) => ({ id, catalog: "PrivateApp" as const })),
    ],
  };
}
