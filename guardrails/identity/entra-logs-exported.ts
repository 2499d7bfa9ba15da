import { defineRule, pass, stackOutcome } from "../rule";
import { blocks } from "../../stacks/synthesized";

export const REQUIRED_LOGS = ["AuditLogs", "SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs", "RiskyUsers", "UserRiskEvents", "RiskyServicePrincipals", "ServicePrincipalRiskEvents"];

export default defineRule({
  id: "WP-ID-011",
  level: "error",
  title: "Entra sign-in and audit logs go to Log Analytics",
  explanation: "Entra keeps sign-in logs for 30 days at most; an incident found later cannot be investigated without them.",
  fix: `Keep an azurerm_monitor_aad_diagnostic_setting in the identity stack with enabled_log categories ${REQUIRED_LOGS.join(", ")}.`,
  controls: ["MS.AAD.4.1", "CIS 3.1.1"],
  check: (ctx) => {
    const identity = ctx.stacks.find((s) => s.area === "identity");
    if (!identity) return [];
    const settings = ctx.resources("azurerm_monitor_aad_diagnostic_setting");
    const complete = settings.filter((r) => {
      const cats = blocks(r.body.enabled_log).map((l) => l.category);
      return REQUIRED_LOGS.every((c) => cats.includes(c));
    });
    if (complete.length) return complete.map(pass);
    return [stackOutcome(identity.name, false, `no Entra diagnostic setting sends ${REQUIRED_LOGS.join(", ")} to Log Analytics`)];
  },
});
