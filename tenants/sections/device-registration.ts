/**
 * `deviceRegistration:` who may join laptops to Entra ID (Autopilot's users must be among them),
 * how many devices a user may join, and whether joining asks for MFA. Joining never makes anyone
 * a local administrator and Entra keeps the LAPS password (policies/identity/device-registration.ts).
 */
import { z } from "zod";

const KEY = /^[a-z0-9][a-z0-9-]*$/;

export const DeviceRegistrationSchema = z
  .strictObject({
    joinGroups: z
      .array(z.string().regex(KEY, { error: "a group key from groups (lowercase letters, digits and dashes)" }))
      .min(1, { error: "list at least one group, or leave joinGroups out to let every user join devices" })
      .optional()
      .describe("group keys whose members may join devices to Entra ID (everyone who sets up a laptop with Autopilot); absent: every user (CIS 5.1.4.1 asks for selected groups)"),
    maxDevicesPerUser: z
      .number()
      .int()
      .min(1, { error: "maxDevicesPerUser must be between 1 and 100" })
      .max(100, { error: "maxDevicesPerUser must be between 1 and 100 (CIS 5.1.4.2 asks at most 20)" })
      .default(20)
      .describe("devices one user may join or register (CIS 5.1.4.2: at most 20)"),
    mfaToJoin: z.boolean().default(true).describe("joining or registering a device asks for MFA"),
  })
  .prefault({})
  .describe("Entra device join and registration (identity stack)");

export type DeviceRegistrationSpec = z.output<typeof DeviceRegistrationSchema>;

/** Cross-references into `groups`, run from the tenant schema's crossReferences. */
export function deviceRegistrationCrossReferences(value: unknown, groups: Record<string, unknown>, ctx: z.core.$RefinementCtx): void {
  const joinGroups = (value as { joinGroups?: unknown } | undefined)?.joinGroups;
  if (!Array.isArray(joinGroups)) return;
  joinGroups.forEach((key, i) => {
    if (typeof key === "string" && !(key in groups)) {
      ctx.addIssue({ code: "custom", path: ["deviceRegistration", "joinGroups", i], message: `unknown group "${key}"; allowed: ${Object.keys(groups).join(", ")}` });
    }
  });
}
