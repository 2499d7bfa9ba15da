/**
 * Every Teams policy werkplek applies to a tenant, and which groups get the custom ones.
 * This list is what the collaboration stack writes to teams-policies.json.
 */
import type { Tenant } from "../../tenants/schema";
import { globalAppSetupPolicy } from "./app-policies";
import { clientConfiguration, guestCallingConfiguration, guestMeetingConfiguration, guestMessagingConfiguration } from "./client-configuration";
import { COUNCIL_BROADCAST_POLICY, councilBroadcastPolicy, globalBroadcastPolicy, globalEventsPolicy } from "./events-policies";
import { federationConfiguration } from "./external-access";
import { COUNCIL_MEETING_POLICY, councilMeetingPolicy, globalMeetingPolicy } from "./meeting-policies";
import { globalMessagingPolicy } from "./messaging-policies";
import type { TeamsGroupAssignment, TeamsPolicy } from "../../constructs/teams/policy";

export function teamsPolicies(tenant: Tenant): TeamsPolicy[] {
  const { teams } = tenant;
  return [
    globalMeetingPolicy,
    councilMeetingPolicy,
    globalEventsPolicy,
    councilBroadcastPolicy,
    globalBroadcastPolicy,
    globalMessagingPolicy,
    federationConfiguration(teams),
    clientConfiguration(teams),
    guestMeetingConfiguration,
    guestMessagingConfiguration,
    guestCallingConfiguration,
    globalAppSetupPolicy,
  ];
}

/** The council policy goes to the council groups, the broadcast policy to the town-hall groups, ranked in file order. */
export function teamsGroupAssignments(tenant: Tenant): TeamsGroupAssignment[] {
  const { councilMeetings } = tenant.teams;
  return [
    ...councilMeetings.groups.map((group, i) => ({ policyType: "TeamsMeetingPolicy" as const, policyName: COUNCIL_MEETING_POLICY, group, rank: i + 1 })),
    ...councilMeetings.townHallGroups.map((group, i) => ({ policyType: "TeamsEventsPolicy" as const, policyName: COUNCIL_BROADCAST_POLICY, group, rank: i + 1 })),
  ];
}
