import { directorySettings, graphBody, inIdentityStack, settingValues } from "../graph";
import { defineRule, verdict } from "../rule";
import { PASSWORD_RULE_SETTINGS_TEMPLATE_ID } from "../../policies/identity/passwords";

export default defineRule({
  id: "WP-ID-019",
  level: "warning",
  title: "Password protection bans the municipality's own words and smart lockout stops guessing",
  explanation:
    "Attackers try the municipality's name, its villages and the year first; the custom banned list refuses those passwords, and smart lockout slows password spraying.",
  fix: `Keep the "Password Rule Settings" directory setting (template ${PASSWORD_RULE_SETTINGS_TEMPLATE_ID}) with EnableBannedPasswordCheck "true" and a BannedPasswordList (tenant file: passwords.bannedPasswords), LockoutThreshold at most 10 and LockoutDurationInSeconds at least 60 (passwords.lockoutThreshold, lockoutDurationSeconds), EnableBannedPasswordCheckOnPremises "True" and BannedPasswordCheckOnPremisesMode "Enforce".`,
  controls: ["EIDSCA.PR01", "EIDSCA.PR02", "EIDSCA.PR03", "EIDSCA.PR05", "EIDSCA.PR06", "CIS 5.2.3.2"],
  check: (ctx) =>
    inIdentityStack(ctx, directorySettings(ctx, PASSWORD_RULE_SETTINGS_TEMPLATE_ID), 'no "Password Rule Settings" directory setting: no custom banned passwords', (r) => {
      const v = settingValues(graphBody(r));
      const threshold = Number(v.LockoutThreshold);
      const duration = Number(v.LockoutDurationInSeconds);
      return verdict(r, [
        (v.EnableBannedPasswordCheck?.toLowerCase() !== "true" || !v.BannedPasswordList) && "no custom banned password list (passwords.bannedPasswords is empty)",
        !(threshold >= 1 && threshold <= 10) && `LockoutThreshold is ${v.LockoutThreshold ?? "not set"}, not 1-10`,
        !(duration >= 60) && `LockoutDurationInSeconds is ${v.LockoutDurationInSeconds ?? "not set"}, under 60`,
        v.EnableBannedPasswordCheckOnPremises?.toLowerCase() !== "true" && "EnableBannedPasswordCheckOnPremises is not True",
        v.BannedPasswordCheckOnPremisesMode !== "Enforce" && `BannedPasswordCheckOnPremisesMode is ${v.BannedPasswordCheckOnPremisesMode ?? "not set"}, not Enforce`,
      ]);
    }),
});
