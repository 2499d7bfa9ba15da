import { CA_TYPE } from "../ca-policy";
import { defineRule, verdict } from "../rule";
import { preventsDestroy } from "../../stacks/synthesized";

const TYPES = ["azuread_group", CA_TYPE];

export default defineRule({
  id: "WP-ID-001",
  level: "error",
  title: "Groups and conditional access policies are protected against destroy",
  explanation:
    "Deleting a group removes its members' licences, Teams and access at once and leaves deleted references in policies; a re-created group gets a new object id. A rename in code must never do that silently.",
  fix: "Set lifecycle.prevent_destroy = true (EntraGroup and the conditional access construct do); to really delete, remove the protection in a reviewed change of its own.",
  controls: ["MT.1038", "MT.1066"],
  check: (ctx) =>
    TYPES.flatMap((t) => ctx.resources(t)).map((r) =>
      verdict(r, [!preventsDestroy(r) && `${r.body.display_name ?? r.name} has no lifecycle.prevent_destroy`]),
    ),
});
