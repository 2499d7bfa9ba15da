import { byUrl, graphBody } from "../graph";
import { RESTRICTED_GUEST_ROLE_ID } from "../../policies/identity/authorization-policy";
import { defineRule, verdict } from "../rule";

const LIMITED = "10dae51f-b6af-4016-8d66-8c2a99b929b3";
const RESTRICTED = RESTRICTED_GUEST_ROLE_ID;

export default defineRule({
  id: "WP-ID-004",
  level: "warning",
  title: "Guests have limited or restricted directory access",
  explanation: "With member-like access a guest can enumerate every user and group of the municipality.",
  fix: `Set guestUserRoleId to "${RESTRICTED}" (restricted) or "${LIMITED}" (limited) in the authorization policy.`,
  controls: ["MS.AAD.8.1", "CIS 5.1.6.2", "EIDSCA.AP07"],
  check: (ctx) =>
    byUrl(ctx, "policies/authorizationPolicy").map((r) => {
      const role = graphBody(r).guestUserRoleId;
      return verdict(r, [role !== LIMITED && role !== RESTRICTED && `guestUserRoleId is ${role ?? "not set"}`]);
    }),
});
