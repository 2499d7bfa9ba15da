/**
 * Teams client and guest configurations (`Set-CsTeamsClientConfiguration`,
 * `Set-CsTeamsGuest*Configuration`), baselines.md §2.4 T15–T16.
 */
import type { TeamsSection } from "../../tenants/sections/teams";
import { GLOBAL, teamsPolicy } from "../../constructs/teams/policy";

export function clientConfiguration(teams: TeamsSection) {
  return teamsPolicy("TeamsClientConfiguration", GLOBAL, {
    AllowEmailIntoChannel: false, // MS.TEAMS.4.1, CIS 8.1.2
    AllowDropBox: false, //          CIS 8.1.1: files stay in SharePoint/OneDrive
    AllowBox: false,
    AllowGoogleDrive: false,
    AllowShareFile: false,
    AllowEgnyte: false,
    AllowGuestUser: teams.guests.allowed, // the tenant file decides on guests
  });
}

export const guestMeetingConfiguration = teamsPolicy("TeamsGuestMeetingConfiguration", GLOBAL, {
  AllowIPVideo: true,
  AllowMeetNow: false,
  ScreenSharingMode: "SingleApplication",
});

export const guestMessagingConfiguration = teamsPolicy("TeamsGuestMessagingConfiguration", GLOBAL, {
  AllowUserChat: true,
  AllowUserDeleteMessage: false,
  AllowUserEditMessage: true,
  AllowGiphy: false,
  AllowMemes: false,
  AllowStickers: false,
});

export const guestCallingConfiguration = teamsPolicy("TeamsGuestCallingConfiguration", GLOBAL, {
  AllowPrivateCalling: false,
});
