import { GROUP_UNIFIED_TEMPLATE, graphBody, graphResources, settingValues } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-012",
  level: "warning",
  title: "Only a named group creates Microsoft 365 groups and Teams; guests own none",
  explanation: "Uncontrolled Team creation gives hundreds of teams without owner, purpose or retention; the municipality centralised Team creation for that reason.",
  fix: 'In the Group.Unified setting set EnableGroupCreation "false", GroupCreationAllowedGroupId to the creators group, and AllowGuestsToBeGroupOwner "false" (or leave it out).',
  controls: ["MT.1055", "EIDSCA.ST08"],
  check: (ctx) =>
    graphResources(ctx)
      .filter((r) => graphBody(r).templateId === GROUP_UNIFIED_TEMPLATE)
      .map((r) => {
        const v = settingValues(graphBody(r));
        return verdict(r, [
          v.EnableGroupCreation?.toLowerCase() !== "false" && "EnableGroupCreation is not false",
          !v.GroupCreationAllowedGroupId && "GroupCreationAllowedGroupId is not set",
          v.AllowGuestsToBeGroupOwner?.toLowerCase() === "true" && "AllowGuestsToBeGroupOwner is true",
        ]);
      }),
});
