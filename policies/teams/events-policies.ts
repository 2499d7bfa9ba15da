/**
 * Town halls and webinars (`Set-CsTeamsEventsPolicy`) and legacy live events
 * (`Set-CsTeamsMeetingBroadcastPolicy`), baselines.md §2.4 T11.
 */
import { GLOBAL, teamsPolicy } from "../../constructs/teams/policy";

/** Public broadcast of council sessions as a town hall. */
export const COUNCIL_BROADCAST_POLICY = "Gemeenteraad-Uitzending";

/** Staff may hold internal town halls; nobody runs public events or webinars by default. */
export const globalEventsPolicy = teamsPolicy("TeamsEventsPolicy", GLOBAL, {
  AllowTownhalls: "Enabled",
  TownhallEventAttendeeAccess: "EveryoneInOrganizationAndGuests",
  AllowWebinars: "Disabled",
  EventAccessType: "EveryoneInCompanyExcludingGuests",
});

export const councilBroadcastPolicy = teamsPolicy("TeamsEventsPolicy", COUNCIL_BROADCAST_POLICY, {
  Description: "Openbare uitzending van de gemeenteraad als town hall",
  AllowTownhalls: "Enabled",
  TownhallEventAttendeeAccess: "Everyone", // citizens watch without an account
  EventAccessType: "Everyone",
  RecordingForTownhall: "Enabled",
  TranscriptionForTownhall: "Enabled",
  AllowWebinars: "Disabled",
});

/** Live events are replaced by town halls: no new ones, never "always record". */
export const globalBroadcastPolicy = teamsPolicy("TeamsMeetingBroadcastPolicy", GLOBAL, {
  AllowBroadcastScheduling: false,
  BroadcastRecordingMode: "UserOverride", // MS.TEAMS.1.7: not AlwaysEnabled
});
