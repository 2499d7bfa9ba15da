import { defineRule, verdict } from "../rule";
import { strings } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-ID-013",
  level: "warning",
  title: "Microsoft 365 groups are private",
  explanation: "A public group's files, mail and Team are open to every user in the tenant; Entra makes new Microsoft 365 groups public unless told otherwise.",
  fix: 'Set visibility = "Private" (or "Hiddenmembership") on the group, or suppress with the reason the group must be public.',
  controls: ["CIS 1.2.1"],
  check: (ctx) =>
    ctx
      .resources("azuread_group")
      .filter((r) => strings(r.body.types).includes("Unified"))
      .map((r) => {
        const v = r.body.visibility;
        return verdict(r, [v !== "Private" && v !== "Hiddenmembership" && `${r.body.display_name ?? r.name} is ${v ?? "Public (default)"}`]);
      }),
});
