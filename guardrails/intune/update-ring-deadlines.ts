import { byODataType, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const MAX_DEADLINE_DAYS = 7;

export default defineRule({
  id: "WP-INTUNE-005",
  level: "warning",
  title: "Update rings enforce a deadline and users cannot pause updates",
  explanation: "Without a deadline a laptop postpones security updates for weeks; pausing lets a user opt out of patching altogether.",
  fix: `Set deadlineForQualityUpdatesInDays to at most ${MAX_DEADLINE_DAYS} and userPauseAccess = "disabled" in every windowsUpdateForBusinessConfiguration.`,
  controls: ["OIB Update Rings", "MT.1102"],
  check: (ctx) =>
    byODataType(ctx, "windowsUpdateForBusinessConfiguration").map((r) => {
      const b = graphBody(r);
      const deadline = b.deadlineForQualityUpdatesInDays;
      return verdict(r, [
        !(typeof deadline === "number" && deadline <= MAX_DEADLINE_DAYS) && `${b.displayName ?? r.name}: deadlineForQualityUpdatesInDays is ${deadline ?? "not set"}`,
        b.userPauseAccess !== "disabled" && `${b.displayName ?? r.name}: userPauseAccess is ${b.userPauseAccess ?? "not set"}`,
      ]);
    }),
});
