import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const FLAGS = ["allowedToCreateTenants", "allowedToCreateSecurityGroups"];

export default defineRule({
  id: "WP-ID-006",
  level: "warning",
  title: "Users cannot create tenants or security groups",
  explanation: "Tenants and security groups created by users escape the municipality's governance; groups in particular end up granting access nobody reviews.",
  fix: "Set defaultUserRolePermissions.allowedToCreateTenants and allowedToCreateSecurityGroups to false in the authorization policy.",
  controls: ["CIS 5.1.2.3", "CIS 5.1.3.2", "MT.1068", "MT.1069"],
  check: (ctx) =>
    byUrl(ctx, "policies/authorizationPolicy").map((r) => {
      const perms = graphBody(r).defaultUserRolePermissions ?? {};
      return verdict(r, FLAGS.map((f) => perms[f] !== false && `defaultUserRolePermissions.${f} is not false`));
    }),
});
