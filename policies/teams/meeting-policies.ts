/**
 * Teams meeting policies (`Set-CsTeamsMeetingPolicy`), baselines.md §2.4 T1–T10.
 * Global applies to everyone; the council policy is assigned to the council and its secretariat.
 */
import { GLOBAL, teamsPolicy } from "../../constructs/teams/policy";

/** Public council sessions: recorded and transcribed, citizens join anonymously through the lobby. */
export const COUNCIL_MEETING_POLICY = "Gemeenteraad-Openbaar";

export const globalMeetingPolicy = teamsPolicy("TeamsMeetingPolicy", GLOBAL, {
  AllowExternalParticipantGiveRequestControl: false, //  MS.TEAMS.1.1, CIS 8.5.7
  AllowParticipantGiveRequestControl: false, //          MT.1037
  AllowAnonymousUsersToStartMeeting: false, //           MS.TEAMS.1.2, CIS 8.5.2
  AutoAdmittedUsers: "EveryoneInCompanyExcludingGuests", // MS.TEAMS.1.3 + 1.4, CIS 8.5.3 (waiver: MT.1045 wants InvitedUsers)
  AllowPSTNUsersToBypassLobby: false, //                 MS.TEAMS.1.5, CIS 8.5.4
  AllowCloudRecording: false, //                         MS.TEAMS.1.6, CIS 8.5.9: only the council policy records
  MeetingChatEnabledType: "EnabledExceptAnonymous", //   CIS 8.5.5
  AllowAnonymousUsersToJoinMeeting: false, //            CIS 8.5.1 (L2): public sessions use the council policy
  AllowExternalNonTrustedMeetingChat: false, //          CIS 8.5.8
});

export const councilMeetingPolicy = teamsPolicy("TeamsMeetingPolicy", COUNCIL_MEETING_POLICY, {
  Description: "Openbare gemeenteraad: opname en transcriptie, anonieme deelname via de lobby",
  AllowExternalParticipantGiveRequestControl: false, //  MS.TEAMS.1.1
  AllowParticipantGiveRequestControl: false, //          MT.1037
  AllowAnonymousUsersToStartMeeting: false, //           MS.TEAMS.1.2
  AllowAnonymousUsersToJoinMeeting: true, //             public session (SCuBA Appendix A allows custom policies)
  AnonymousUserAuthenticationMethod: "OneTimePasscode",
  AutoAdmittedUsers: "EveryoneInCompanyExcludingGuests", // MS.TEAMS.1.3: citizens and callers wait in the lobby
  AllowPSTNUsersToBypassLobby: false, //                 MS.TEAMS.1.5
  DesignatedPresenterRoleMode: "OrganizerOnlyUserOverride", // CIS 8.5.6: only the chair and secretariat present
  MeetingChatEnabledType: "EnabledExceptAnonymous", //   CIS 8.5.5
  AllowExternalNonTrustedMeetingChat: false, //          CIS 8.5.8
  AllowCloudRecording: true, //                          MS.TEAMS.1.6 Appendix A: named users may record
  AllowRecordingStorageOutsideRegion: false, //          recordings stay in the tenant's region
  AllowTranscription: true,
});
