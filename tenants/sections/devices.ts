/**
 * Tenant-file section `devices:` — the tenant-specific values of the Intune profiles for Windows
 * laptops (stack `<tenant>-devices`, policies/intune/*). Ranges are Graph's own limits unless a
 * message says a tighter limit is ours (and why).
 */
import { z } from "zod";

const KEY = /^[a-z0-9][a-z0-9-]*$/;
const groupKey = (what: string) =>
  z.string().regex(KEY, { error: `${what} must be a group key from groups (lowercase letters, digits and dashes)` });
const days = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a whole number of days` })
    .int({ error: `${what} must be a whole number of days` })
    .min(min, { error: `${what} must be between ${min} and ${max} days` })
    .max(max, { error: `${what} must be between ${min} and ${max} days` });

/** Autopilot device name template: Intune's rules for Entra-joined devices. */
export function deviceNameTemplateProblem(template: string): string | undefined {
  const macros = template.match(/%[^%]*%/g) ?? [];
  if (macros.length !== 1) return `"${template}" must contain exactly one %SERIAL% or %RAND:x% macro so every laptop gets a unique name`;
  if (template.length > 15) return `"${template}" is ${template.length} characters; at most 15 are allowed`;
  const macro = macros[0];
  const rand = /^%RAND:(\d+)%$/.exec(macro);
  if (macro !== "%SERIAL%" && !rand) return `unknown macro ${macro}; allowed: %SERIAL% or %RAND:x% (x random digits)`;
  const literal = template.replace(macro, "");
  if (!/^[A-Za-z0-9-]*$/.test(literal)) return `"${template}" may only contain letters, digits and dashes besides the macro`;
  if (/^[0-9]*$/.test(literal) && rand) return `"${template}" would give names of only digits; add letters (e.g. a prefix like KRA-)`;
  if (rand) {
    const n = Number(rand[1]);
    if (n < 1 || literal.length + n > 15) return `%RAND:${n}% with prefix "${literal}" gives ${literal.length + n} characters; names are at most 15`;
  }
  return undefined;
}

export const UpdateRingSchema = z
  .strictObject({
    qualityDeferralDays: days("qualityDeferralDays", 0, 30).describe("days a quality (security) update is held back"),
    featureDeferralDays: days("featureDeferralDays", 0, 365).describe("days a feature update is held back"),
    qualityDeadlineDays: days("qualityDeadlineDays", 0, 30).describe("days after the offer before a quality update is installed and the laptop restarts"),
    featureDeadlineDays: days("featureDeadlineDays", 0, 30).describe("days after the offer before a feature update is installed"),
    gracePeriodDays: days("gracePeriodDays", 0, 7).describe("days after the deadline before a restart is forced"),
  })
  .describe("a Windows Update for Business ring");
export type UpdateRing = z.output<typeof UpdateRingSchema>;

const PILOT_RING: UpdateRing = { qualityDeferralDays: 0, featureDeferralDays: 0, qualityDeadlineDays: 2, featureDeadlineDays: 7, gracePeriodDays: 1 };
const PRODUCTION_RING: UpdateRing = { qualityDeferralDays: 7, featureDeferralDays: 30, qualityDeadlineDays: 3, featureDeadlineDays: 7, gracePeriodDays: 2 };

/** A written reason for an exception, as the tenant schema asks elsewhere (at least 10 characters). */
const reasonText = z.string().trim().min(10, { error: "a reason of at least 10 characters is required" });

/**
 * Intune Remote Help (policies/intune/remote-help.ts): who may start a remote-support session on
 * which devices. Off by default: it needs a Remote Help add-on or Intune Suite licence for the
 * helpdesk and for every staff member who is helped (memdocs fundamentals/remote-help.md,
 * "Prerequisites").
 */
export const RemoteHelpSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(false)
      .describe("Intune Remote Help on: needs a Remote Help (or Intune Suite) licence for the helpdesk and the staff they help"),
    chat: z.boolean().default(true).describe("chat in the Remote Help app (false blocks it; Microsoft's default is on)"),
    helpdeskGroups: z
      .array(groupKey("remoteHelp.helpdeskGroups"))
      .default([])
      .describe("groups whose members may start sessions: see the screen and, when the staff member allows it, take control"),
    elevationGroups: z
      .array(groupKey("remoteHelp.elevationGroups"))
      .default([])
      .describe("IT-admin groups that may also elevate (answer administrator prompts) in a session; each must be a helpdesk group"),
    deviceGroups: z
      .array(groupKey("remoteHelp.deviceGroups"))
      .min(1, { error: "remoteHelp.deviceGroups needs at least one group; leave it out to use groups.laptops" })
      .optional()
      .describe("device groups the helpdesk may help (the role assignment's scope); absent means groups.laptops"),
    unenrolledDevices: z
      .strictObject({
        allowed: z.boolean().default(false).describe("sessions to computers Intune does not manage (staff's private computers)"),
        userGroups: z
          .array(groupKey("remoteHelp.unenrolledDevices.userGroups"))
          .default([])
          .describe("staff whose private computers may be helped: Intune scopes such sessions by user, not by device"),
        reason: reasonText.optional().describe("why sessions to private computers are needed"),
      })
      .default({ allowed: false, userGroups: [] })
      .superRefine((u, ctx) => {
        if (!u.allowed) return;
        if (!u.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "sessions to private (unenrolled) computers need a reason of at least 10 characters" });
        if (u.userGroups.length === 0) {
          ctx.addIssue({ code: "custom", path: ["userGroups"], message: "name the staff groups whose private computers may be helped; Intune scopes sessions to unenrolled devices by user" });
        }
      })
      .describe("Remote Help to computers Intune does not manage; not allowed unless said so here, with a reason"),
  })
  .superRefine((r, ctx) => {
    if (r.enabled && r.helpdeskGroups.length === 0) {
      ctx.addIssue({ code: "custom", path: ["helpdeskGroups"], message: "Remote Help is enabled: name the helpdesk groups that may start sessions" });
    }
    r.elevationGroups.forEach((g, i) => {
      if (!r.helpdeskGroups.includes(g)) {
        ctx.addIssue({ code: "custom", path: ["elevationGroups", i], message: `"${g}" may elevate but is not a helpdesk group; add it to helpdeskGroups (allowed: ${r.helpdeskGroups.join(", ") || "none"})` });
      }
    });
    for (const field of ["helpdeskGroups", "elevationGroups"] as const) {
      const seen = new Set<string>();
      r[field].forEach((g, i) => {
        if (seen.has(g)) ctx.addIssue({ code: "custom", path: [field, i], message: `"${g}" is listed twice` });
        seen.add(g);
      });
    }
  })
  .describe("Intune Remote Help: remote support for staff at home, on the managed laptop (and, if allowed, a private computer)");
export type RemoteHelpSpec = z.output<typeof RemoteHelpSchema>;

export const DevicesSchema = z
  .strictObject({
    displayNamePrefix: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,11}$/, { error: "displayNamePrefix must be 1-12 letters, digits or dashes, e.g. KRA" })
      .describe("prefix of every Intune profile's display name, e.g. KRA → \"KRA - Windows - Naleving\""),
    groups: z
      .strictObject({
        laptops: groupKey("groups.laptops").default("laptops").describe("device group of all Windows laptops: gets every profile"),
        updatePilot: groupKey("groups.updatePilot")
          .default("update-pilot")
          .describe("device group of the pilot update ring; excluded from the production ring"),
        autopilot: groupKey("groups.autopilot")
          .optional()
          .describe("device group that gets the Autopilot profile; absent means groups.laptops"),
      })
      .default({ laptops: "laptops", updatePilot: "update-pilot" })
      .describe("which groups (keys under groups) get the profiles"),
    compliance: z
      .strictObject({
        minimumOsVersion: z
          .string()
          .regex(/^10\.0\.\d{5}(\.\d{1,5})?$/, { error: "minimumOsVersion must be a Windows version like 10.0.22631 or 10.0.26100.2033" })
          .default("10.0.22631")
          .describe("oldest Windows build that is compliant (10.0.22631 = Windows 11 23H2)"),
        gracePeriodHours: z
          .number()
          .int()
          .min(0, { error: "gracePeriodHours must be between 0 and 168 hours" })
          .max(168, { error: "gracePeriodHours must be between 0 and 168 hours: a longer grace keeps non-compliant laptops working (Graph allows 8760, werkplek does not)" })
          .default(12)
          .describe("hours a laptop that fails the policy stays compliant before it is blocked"),
        checkinThresholdDays: days("checkinThresholdDays", 1, 120)
          .default(30)
          .describe("a laptop that has not checked in for this many days is not compliant"),
      })
      .default({ minimumOsVersion: "10.0.22631", gracePeriodHours: 12, checkinThresholdDays: 30 }),
    autopilot: z
      .strictObject({
        deviceNameTemplate: z
          .string()
          .superRefine((v, ctx) => {
            const problem = deviceNameTemplateProblem(v);
            if (problem) ctx.addIssue({ code: "custom", message: `deviceNameTemplate: ${problem}` });
          })
          .describe("laptop name, at most 15 characters: letters, digits, dashes and one %SERIAL% or %RAND:x% macro, e.g. KRA-%RAND:6%"),
        language: z
          .string()
          .regex(/^(os-default|user-select|[a-z]{2}-[A-Z]{2})$/, { error: "language must be os-default, user-select or a locale like nl-BE" })
          .default("os-default")
          .describe("Windows setup language"),
      })
      .describe("Windows Autopilot (Entra join, user-driven)"),
    updates: z
      .strictObject({
        pilot: UpdateRingSchema.default(PILOT_RING).describe("ring of groups.updatePilot: gets updates first"),
        production: UpdateRingSchema.default(PRODUCTION_RING).describe("ring of all other laptops"),
      })
      .default({ pilot: PILOT_RING, production: PRODUCTION_RING })
      .superRefine((u, ctx) => {
        if (u.pilot.qualityDeferralDays >= u.production.qualityDeferralDays) {
          ctx.addIssue({
            code: "custom",
            path: ["pilot", "qualityDeferralDays"],
            message: `the pilot ring must get quality updates before production: ${u.pilot.qualityDeferralDays} must be less than production's ${u.production.qualityDeferralDays}`,
          });
        }
        if (u.pilot.featureDeferralDays > u.production.featureDeferralDays) {
          ctx.addIssue({
            code: "custom",
            path: ["pilot", "featureDeferralDays"],
            message: `the pilot ring must not get feature updates after production: ${u.pilot.featureDeferralDays} must be at most production's ${u.production.featureDeferralDays}`,
          });
        }
      })
      .describe("Windows Update for Business rings"),
    laps: z
      .strictObject({
        passwordLength: z
          .number()
          .int()
          .min(14, { error: "laps.passwordLength must be between 14 and 64 (CIS 5.1.4.5 asks at least 14)" })
          .max(64, { error: "laps.passwordLength must be between 14 and 64 (CIS 5.1.4.5 asks at least 14)" })
          .default(16),
        passwordAgeDays: days("laps.passwordAgeDays", 7, 365).default(30),
      })
      .default({ passwordLength: 16, passwordAgeDays: 30 })
      .describe("Windows LAPS: the local administrator password, backed up to Entra ID"),
    cleanupAfterDays: days("cleanupAfterDays", 30, 270)
      .default(90)
      .describe("Intune removes laptops that have not checked in for this many days"),
    remoteHelp: RemoteHelpSchema.prefault({}),
  })
  .describe("Intune profiles for the Windows laptops; absent means the devices stack stays empty");

export type DevicesSpec = z.output<typeof DevicesSchema>;

/** Cross-references into `groups`, run from the tenant schema's crossReferences. */
export function devicesCrossReferences(
  devices: unknown,
  groups: Record<string, { kind?: unknown; dynamicRule?: unknown } | unknown>,
  ctx: z.core.$RefinementCtx,
): void {
  if (typeof devices !== "object" || devices === null) return;
  const refs = (devices as { groups?: Record<string, unknown> }).groups;
  const chosen = { laptops: "laptops", updatePilot: "update-pilot", ...(typeof refs === "object" && refs ? refs : {}) };
  const keys = Object.keys(groups);
  for (const [field, key] of Object.entries(chosen)) {
    if (typeof key !== "string") continue;
    const g = groups[key] as { kind?: unknown } | undefined;
    if (typeof g !== "object" || g === null) {
      ctx.addIssue({ code: "custom", path: ["devices", "groups", field], message: `unknown group "${key}"; allowed: ${keys.join(", ")}` });
    } else if ((g.kind ?? "security") !== "security") {
      ctx.addIssue({ code: "custom", path: ["devices", "groups", field], message: `Intune profiles are assigned to security groups; "${key}" is a ${String(g.kind)} group` });
    }
  }
  remoteHelpCrossReferences((devices as { remoteHelp?: unknown }).remoteHelp, groups, ctx);
  if (chosen.laptops === chosen.updatePilot) {
    ctx.addIssue({
      code: "custom",
      path: ["devices", "groups", "updatePilot"],
      message: `the pilot ring needs its own group: "${chosen.updatePilot}" is also groups.laptops, so production would exclude every laptop`,
    });
  }
}

/** `devices.remoteHelp` group keys: they exist, are security groups, and who may take over a screen is assigned by hand. */
function remoteHelpCrossReferences(
  remoteHelp: unknown,
  groups: Record<string, { kind?: unknown; dynamicRule?: unknown } | unknown>,
  ctx: z.core.$RefinementCtx,
): void {
  if (typeof remoteHelp !== "object" || remoteHelp === null) return;
  const r = remoteHelp as Record<string, unknown>;
  const unenrolled = typeof r.unenrolledDevices === "object" && r.unenrolledDevices !== null ? (r.unenrolledDevices as Record<string, unknown>) : {};
  const lists: [string[], unknown, boolean][] = [
    [["helpdeskGroups"], r.helpdeskGroups, true],
    [["elevationGroups"], r.elevationGroups, true],
    [["deviceGroups"], r.deviceGroups, false],
    [["unenrolledDevices", "userGroups"], unenrolled.userGroups, false],
  ];
  const keys = Object.keys(groups);
  for (const [field, value, assignedOnly] of lists) {
    (Array.isArray(value) ? value : []).forEach((key, i) => {
      if (typeof key !== "string") return;
      const path = ["devices", "remoteHelp", ...field, i];
      const g = groups[key] as { kind?: unknown; dynamicRule?: unknown } | undefined;
      if (typeof g !== "object" || g === null) {
        ctx.addIssue({ code: "custom", path, message: `unknown group "${key}"; allowed: ${keys.join(", ")}` });
      } else if ((g.kind ?? "security") !== "security") {
        ctx.addIssue({ code: "custom", path, message: `Intune role assignments take security groups; "${key}" is a ${String(g.kind)} group` });
      } else if (assignedOnly && g.dynamicRule) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `"${key}" has dynamic membership: whoever may take over a staff member's screen is added by hand, not by an attribute (use an assigned group, e.g. one under adminRoles)`,
        });
      }
    });
  }
}
