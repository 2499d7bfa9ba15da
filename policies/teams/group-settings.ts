/**
 * Microsoft 365 group governance through Graph (../shared/research/providers.md §2.6):
 * the tenant's `Group.Unified` directory setting and the group expiration policy.
 */
import type { GroupLifecyclePolicy, GroupSetting } from "@microsoft/microsoft-graph-types";
import type { TeamsSection } from "../../tenants/sections/teams";

export const GROUP_UNIFIED_TEMPLATE_ID = "62375ab9-6b52-47ed-826b-58e47e0e304b";

/**
 * Every value of the Group.Unified template, so the setting is fully declared (Graph wants the
 * whole collection on create). Values are strings, as Graph stores them.
 * @param creatorsGroupId object id of the group allowed to create groups, or "" for admins only
 */
export function groupUnifiedSetting(teams: TeamsSection, creatorsGroupId: string): GroupSetting {
  const { groupCreation, guests } = teams;
  const values: Record<string, string> = {
    EnableGroupCreation: "false", //                  only the creators group (and admins) create groups and Teams
    GroupCreationAllowedGroupId: creatorsGroupId,
    AllowGuestsToBeGroupOwner: "false",
    AllowGuestsToAccessGroups: String(guests.allowed),
    AllowToAddGuests: String(guests.allowed),
    GuestUsageGuidelinesUrl: guests.usageGuidelinesUrl ?? "",
    UsageGuidelinesUrl: groupCreation.usageGuidelinesUrl ?? "",
    PrefixSuffixNamingRequirement: groupCreation.namingPolicy ?? "",
    CustomBlockedWordsList: "",
    EnableMSStandardBlockedWords: "false",
    ClassificationList: "",
    ClassificationDescriptions: "",
    DefaultClassification: "",
    EnableMIPLabels: "false",
    NewUnifiedGroupWritebackDefault: "false", // no on-premises Active Directory
  };
  return {
    templateId: GROUP_UNIFIED_TEMPLATE_ID,
    values: Object.entries(values).map(([name, value]) => ({ name, value })),
  };
}

export function groupLifecyclePolicy(teams: TeamsSection): GroupLifecyclePolicy {
  const { expiration } = teams;
  return {
    groupLifetimeInDays: expiration.groupLifetimeInDays,
    managedGroupTypes: expiration.managedGroupTypes,
    alternateNotificationEmails: expiration.notificationEmails.join(";"),
  };
}
