import { defineRule, verdict } from "../rule";

const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

export default defineRule({
  id: "WP-ID-015",
  level: "warning",
  title: "Global Administrator is not handed out by code",
  explanation: "Global Administrator belongs to the two break-glass accounts and a very few named people; the municipal and partner admins get the least-privileged roles that do their job.",
  fix: "Assign finer-grained roles (Teams, Intune, Helpdesk, Groups Administrator ...) in adminRoles instead.",
  controls: ["MS.AAD.7.1", "MS.AAD.7.2", "CIS 1.1.3"],
  check: (ctx) =>
    ctx.resources("azuread_directory_role_assignment").map((r) => verdict(r, [r.body.role_id === GLOBAL_ADMINISTRATOR && "assigns Global Administrator"])),
});
