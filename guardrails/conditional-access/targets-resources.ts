import { caPolicies } from "../ca-policy";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-CA-012",
  level: "error",
  title: "Every conditional access policy targets users and resources",
  explanation: 'A policy whose applications (or users) are "None" or empty looks like protection in a review but applies to nothing.',
  fix: "Give the policy included_applications (or included_user_actions) and included users, groups, roles or guest types other than None.",
  controls: ["MT.1184"],
  check: (ctx) =>
    caPolicies(ctx).map((p) => {
      const apps = p.includedApplications.filter((a) => a !== "None");
      const users = p.includedUsers.filter((u) => u !== "None");
      return verdict(p.resource, [
        apps.length === 0 && p.includedUserActions.length === 0 && `policy "${p.displayName}" targets no application or user action`,
        users.length === 0 &&
          p.includedRoles.length === 0 &&
          p.includedGroups.length === 0 &&
          p.includedGuestTypes.length === 0 &&
          `policy "${p.displayName}" targets no users, groups, roles or guest types`,
      ]);
    }),
});
