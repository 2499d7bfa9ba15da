import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-ID-023",
  level: "error",
  title: "Joining a device makes nobody local administrator; Entra keeps the LAPS password",
  explanation:
    "A user who is local administrator on the laptop turns off what Intune enforces; Global Administrators as local admins on every device spread the most valuable credential. Windows LAPS keeps one rotating admin password in Entra ID instead.",
  fix: 'In policies/deviceRegistrationPolicy set azureADJoin.localAdmins.enableGlobalAdmins false, registeringUsers to a noDeviceRegistrationMembership, and localAdminPassword.isEnabled true (policies/identity/device-registration.ts).',
  controls: ["MT.1090", "MT.1091", "CIS 5.1.4.3", "CIS 5.1.4.4", "CIS 5.1.4.5"],
  check: (ctx) =>
    byUrl(ctx, "policies/deviceRegistrationPolicy").map((r) => {
      const b = graphBody(r);
      const admins = b.azureADJoin?.localAdmins;
      const registering = String(admins?.registeringUsers?.["@odata.type"] ?? "");
      return verdict(r, [
        admins?.enableGlobalAdmins !== false && `azureADJoin.localAdmins.enableGlobalAdmins is ${admins?.enableGlobalAdmins ?? "not set (Entra's default true)"}`,
        !registering.endsWith("noDeviceRegistrationMembership") && `azureADJoin.localAdmins.registeringUsers is ${registering.replace(/^#?microsoft\.graph\./, "") || "not set (Entra's default: the registering user)"}`,
        b.localAdminPassword?.isEnabled !== true && "localAdminPassword.isEnabled is not true (Windows LAPS cannot back up to Entra ID)",
      ]);
    }),
});
