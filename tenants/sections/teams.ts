/**
 * The `teams:` section of a tenant file: Microsoft 365 group and Teams governance, and the
 * tenant-specific inputs of the shared Teams policies (policies/teams/). Every field has a secure
 * default, so a tenant file without `teams:` gets: nobody but admins creates groups or Teams, no
 * guests, no external access, no third-party or custom apps.
 */
import { z } from "zod";
import { NIL_GUID, NIL_GUID_MESSAGE } from "./ids";

const KEY = /^[a-z0-9][a-z0-9-]*$/;
const key = (what: string) =>
  z.string().regex(KEY, { error: `${what} must be lowercase letters, digits and dashes ([a-z0-9-]+)` });
const guid = (what: string) =>
  z
    .guid({ error: `${what} must be a GUID like 00000000-0000-0000-0000-000000000000` })
    .refine((g) => g !== NIL_GUID, { error: NIL_GUID_MESSAGE });
const httpsUrl = (what: string) =>
  z.url({ protocol: /^https$/, error: `${what} must be an https:// URL` });
const domain = z
  .string()
  .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { error: "a domain must be a lowercase DNS name like zaventem.be" });

export const TeamSchema = z
  .strictObject({
    displayName: z.string().min(1).max(256).describe("name of the Team and its Microsoft 365 group"),
    description: z.string().max(1024).optional().describe("shown in Teams and Outlook"),
    owners: z
      .array(guid("an owner"))
      .min(1, { error: "a Team needs at least one owner (a user object id made outside the code)" })
      .describe("object ids of the Team's owners (users, made outside the code); owners manage membership"),
    dynamicRule: z
      .string()
      .min(1)
      // Entra's limit (MicrosoftDocs/entra-docs, docs/identity/users/groups-dynamic-membership.md)
      .max(3072, { error: "a membership rule takes at most 3072 characters (Entra's limit)" })
      .optional()
      .describe("dynamic membership rule, e.g. for all staff; absent means owners add members"),
  })
  .describe("a Teams-enabled, private Microsoft 365 group");

export const LIFECYCLE_MANAGED_GROUP_TYPES = ["All", "Selected", "None"] as const;

export const TeamsSectionSchema = z
  .strictObject({
    groupCreation: z
      .strictObject({
        allowedGroup: key("a group key")
          .optional()
          .describe(
            "group (key under `groups`) whose members may create Microsoft 365 groups and Teams; absent means only admins",
          ),
        namingPolicy: z
          .string()
          .max(53)
          .regex(/\[GroupName\]/, { error: "the naming policy must contain [GroupName], e.g. GRP-[GroupName]" })
          .optional()
          .describe("prefix/suffix naming policy for new groups, e.g. GRP-[GroupName]; absent means none"),
        usageGuidelinesUrl: httpsUrl("usageGuidelinesUrl")
          .optional()
          .describe("page with the municipality's rules for Teams and groups, linked when a group is created"),
        adoptExistingSettingId: guid("adoptExistingSettingId")
          .optional()
          .describe(
            "id of a Group.Unified directory setting that already exists in the tenant (GET /groupSettings): it is imported instead of created, since there can be only one",
          ),
      })
      .prefault({})
      .describe("who may create Microsoft 365 groups and Teams (Group.Unified directory setting)"),
    guests: z
      .strictObject({
        allowed: z
          .boolean()
          .default(false)
          .describe("guests may be added to and access Microsoft 365 groups and Teams; they can never own a group"),
        usageGuidelinesUrl: httpsUrl("guests.usageGuidelinesUrl").optional().describe("guidelines shown to guests"),
      })
      .prefault({})
      .describe("guest access to groups and Teams"),
    expiration: z
      .strictObject({
        groupLifetimeInDays: z
          .number()
          .int()
          .min(30, { error: "groups must live at least 30 days (Entra minimum)" })
          .default(365)
          .describe("days an unused Microsoft 365 group lives before it must be renewed; active groups renew themselves"),
        managedGroupTypes: z
          .enum(LIFECYCLE_MANAGED_GROUP_TYPES)
          .default("All")
          .describe("which Microsoft 365 groups expire: All, Selected (the Teams under `teams` listed in `teams`), or None"),
        teams: z
          .array(key("a Team key"))
          .default([])
          .describe("with managedGroupTypes Selected: keys under `teams.teams` that expire"),
        notificationEmails: z
          .array(z.email({ error: "a notification address must be an email address" }))
          .default([])
          .describe("addresses told about groups without owners that are about to expire"),
        adoptExistingPolicyId: guid("adoptExistingPolicyId")
          .optional()
          .describe("id of a group lifecycle policy that already exists (GET /groupLifecyclePolicies): imported, not created"),
      })
      .prefault({})
      .describe("expiration (lifecycle) policy for Microsoft 365 groups"),
    teams: z
      .record(key("a Team key"), TeamSchema)
      .default({})
      .describe("Teams-enabled Microsoft 365 groups made by the code, by key (council, college, management team, staff)"),
    externalAccess: z
      .strictObject({
        allowedDomains: z
          .array(domain)
          .default([])
          .describe(
            "organisations users may chat and meet with (Teams federation); empty means external access off. Consumer Teams is always off",
          ),
      })
      .prefault({})
      .describe("Teams external access (federation) allow-list"),
    apps: z
      .strictObject({
        allowedThirdPartyApps: z
          .array(z.string().min(1))
          .default([])
          .describe("Teams app ids of third-party store apps users may use; every other third-party app is blocked"),
        allowedCustomApps: z
          .array(z.string().min(1))
          .default([])
          .describe("Teams app ids of custom (line-of-business) apps users may use; side-loading is always off"),
        allowedMicrosoftApps: z
          .array(z.string().min(1))
          .default([])
          .describe("Teams app ids of Microsoft apps users may use (Get-AllM365TeamsApps or the Teams admin center lists them); every other Microsoft app is unavailable"),
      })
      .prefault({})
      .describe("Teams app allow-lists"),
    councilMeetings: z
      .strictObject({
        groups: z
          .array(key("a group key"))
          .default([])
          .describe(
            "groups (keys under `groups`, most important first) that get the council meeting policy: recording, transcription, anonymous join through the lobby",
          ),
        townHallGroups: z
          .array(key("a group key"))
          .default([])
          .describe("groups (keys under `groups`) that may broadcast public town halls, e.g. the council secretariat"),
      })
      .prefault({})
      .describe("who organises public council meetings and their broadcast"),
  })
  .describe("Microsoft 365 group and Teams governance and the tenant's inputs to the Teams policies");

export type TeamsSection = z.output<typeof TeamsSectionSchema>;
export type TeamSpec = z.output<typeof TeamSchema>;

/** Group and Team keys the `teams` section references must exist. Called from the tenant schema. */
export function teamsCrossReferences(
  teams: unknown,
  groups: Record<string, unknown>,
  ctx: z.core.$RefinementCtx,
  primaryDomain?: unknown,
): void {
  if (!isRecord(teams)) return;
  const domains = isRecord(teams.externalAccess) && Array.isArray(teams.externalAccess.allowedDomains) ? teams.externalAccess.allowedDomains : [];
  domains.forEach((d: unknown, i: number) => {
    const path = ["teams", "externalAccess", "allowedDomains", i];
    if (typeof d !== "string") return;
    if (typeof primaryDomain === "string" && d === primaryDomain) {
      ctx.addIssue({
        code: "custom",
        path,
        message: `${d} is the municipality's own domain (primaryDomain); external access lists other organisations (your own users are never external)`,
      });
    } else if (domains.indexOf(d) !== i) {
      ctx.addIssue({ code: "custom", path, message: `domain "${d}" is listed twice; list each domain once` });
    }
  });
  const groupKeys = Object.keys(groups);
  const unknownGroup = (path: (string | number)[], k: unknown) => {
    if (typeof k === "string" && !(k in groups)) {
      ctx.addIssue({ code: "custom", path: ["teams", ...path], message: `unknown group "${k}"; allowed: ${groupKeys.join(", ")}` });
    }
  };
  if (isRecord(teams.groupCreation)) unknownGroup(["groupCreation", "allowedGroup"], teams.groupCreation.allowedGroup);
  if (isRecord(teams.councilMeetings)) {
    for (const field of ["groups", "townHallGroups"] as const) {
      const list = teams.councilMeetings[field];
      (Array.isArray(list) ? list : []).forEach((k, i) => {
        unknownGroup(["councilMeetings", field, i], k);
        // each group gets one assignment of a policy type, with one rank
        if (list.indexOf(k) !== i) {
          ctx.addIssue({ code: "custom", path: ["teams", "councilMeetings", field, i], message: `group "${k}" is listed twice; list each group once` });
        }
      });
    }
  }
  const teamKeys = Object.keys(isRecord(teams.teams) ? teams.teams : {});
  if (isRecord(teams.expiration)) {
    const selected = Array.isArray(teams.expiration.teams) ? teams.expiration.teams : [];
    selected.forEach((k, i) => {
      if (typeof k === "string" && !teamKeys.includes(k)) {
        ctx.addIssue({
          code: "custom",
          path: ["teams", "expiration", "teams", i],
          message: `unknown Team "${k}"; allowed: ${teamKeys.join(", ") || "(none declared under teams.teams)"}`,
        });
      }
    });
    if (teams.expiration.managedGroupTypes === "Selected" && selected.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["teams", "expiration", "teams"],
        message: "managedGroupTypes Selected needs at least one Team key here; use All or None otherwise",
      });
    }
    if (teams.expiration.managedGroupTypes !== "Selected" && selected.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["teams", "expiration", "teams"],
        message: "a list of Teams only applies with managedGroupTypes Selected",
      });
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
