import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";

const MAX_DEVICES = 20;

export default defineRule({
  id: "WP-ID-022",
  level: "warning",
  title: "Only named groups join devices to Entra ID, at most 20 per user, with MFA",
  explanation:
    "Any user who can join a device can bring an unmanaged computer into the directory. Staff who set up laptops with Autopilot are a known group; the rest do not need to.",
  fix: `In policies/deviceRegistrationPolicy set azureADJoin.allowedToJoin to an enumeratedDeviceRegistrationMembership with groups (tenant file: deviceRegistration.joinGroups), userDeviceQuota at most ${MAX_DEVICES} and multiFactorAuthConfiguration "required".`,
  controls: ["MT.1070", "CIS 5.1.4.1", "CIS 5.1.4.2"],
  check: (ctx) =>
    byUrl(ctx, "policies/deviceRegistrationPolicy").map((r) => {
      const b = graphBody(r);
      const join = b.azureADJoin?.allowedToJoin;
      const type = String(join?.["@odata.type"] ?? "");
      const restricted = type.endsWith("noDeviceRegistrationMembership") || (type.endsWith("enumeratedDeviceRegistrationMembership") && (join.groups?.length ?? 0) + (join.users?.length ?? 0) > 0);
      return verdict(r, [
        !restricted && `azureADJoin.allowedToJoin is ${type.replace(/^#?microsoft\.graph\./, "") || "not set"}: every user may join devices`,
        !(typeof b.userDeviceQuota === "number" && b.userDeviceQuota >= 1 && b.userDeviceQuota <= MAX_DEVICES) && `userDeviceQuota is ${b.userDeviceQuota ?? "not set"}, not 1-${MAX_DEVICES}`,
        b.multiFactorAuthConfiguration !== "required" && `multiFactorAuthConfiguration is ${b.multiFactorAuthConfiguration ?? "not set"}`,
      ]);
    }),
});
