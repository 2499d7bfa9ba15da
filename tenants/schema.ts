/**
 * The tenant file: one YAML file per municipality. This schema is the single description of it;
 * `tenants/tenant.schema.json` is generated from it (`npm run schema`) for editor completion.
 *
 * Every tenant-specific value the stacks use comes from here; policies are functions of it.
 */
import { z } from "zod";
import { noHostBits } from "../constructs/ip-ranges";
import { AZURE_REGIONS } from "../facts/azure-regions";
import { ISO_COUNTRIES } from "../facts/countries";
import { DIRECTORY_ROLES } from "../facts/directory-roles";
import { devicesCrossReferences, DevicesSchema } from "./sections/devices";
import { remoteAccessCrossReferences, RemoteAccessSchema } from "./sections/remote-access";
import { StateSchema } from "./sections/state";
import { DefenderSchema } from "./sections/defender";
import { teamsCrossReferences, TeamsSectionSchema } from "./sections/teams";
import { adoptCrossReferences, AdoptSchema } from "./sections/adopt";
import { ConditionalAccessSchema } from "./sections/conditional-access";
import { deviceRegistrationCrossReferences, DeviceRegistrationSchema } from "./sections/device-registration";
import { GuardrailsSchema } from "./sections/guardrails";
import { HelpdeskSchema } from "./sections/helpdesk";
import { AppCredentialsSchema, PasswordsSchema } from "./sections/entra-settings";
import { NIL_GUID, NIL_GUID_MESSAGE } from "./sections/ids";

const KEY = /^[a-z0-9][a-z0-9-]*$/;
const key = (what: string) =>
  z.string().regex(KEY, { error: `${what} must be lowercase letters, digits and dashes ([a-z0-9-]+)` });
const guid = (what: string) =>
  z
    .guid({ error: `${what.includes(".") || /Id$/.test(what) ? "must be" : `${what} must be`} a GUID like 00000000-0000-0000-0000-000000000000` })
    .refine((g) => g !== NIL_GUID, { error: NIL_GUID_MESSAGE });
const reason = z
  .string()
  .trim()
  .min(10, { error: "a reason of at least 10 characters is required" })
  .max(1000, { error: "a reason of at most 1000 characters" });

/**
 * The body of a dynamic membership rule can't exceed 3,072 characters (MicrosoftDocs/entra-docs,
 * docs/identity/users/groups-dynamic-membership.md, "Rule syntax for a single expression").
 */
export const MAX_DYNAMIC_RULE = 3072;

export const WEAK_AUTH_METHODS = ["Sms", "Voice", "Email"] as const;

export const GroupSchema = z
  .strictObject({
    displayName: z.string().min(1).max(256).describe("name shown in Entra ID and Teams"),
    description: z.string().max(1024).optional(),
    kind: z
      .enum(["security", "microsoft365"])
      .default("security")
      .describe("security group, or a Microsoft 365 (Unified) group"),
    dynamicRule: z
      .string()
      .min(1)
      .max(MAX_DYNAMIC_RULE, { error: `a membership rule takes at most ${MAX_DYNAMIC_RULE} characters (Entra's limit)` })
      .optional()
      .describe(
        "dynamic membership rule (Entra ID P1), e.g. user.department -eq \"Financiën\"; absent means assigned membership",
      ),
    roleAssignable: z
      .boolean()
      .optional()
      .describe(
        "role-assignable (protected) group; implied for groups that hold admin roles. Cannot be dynamic. Changing it replaces the group",
      ),
    licences: z
      .array(z.string())
      .default([])
      .describe("licence keys from `licences` assigned to every member (group-based licensing)"),
    owners: z
      .array(guid("an owner"))
      .default([])
      .describe("object ids of user owners (made outside the code)"),
  })
  .describe("an Entra ID group");

export const TenantSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: key("the tenant name").describe("tenant key; must equal the file name without .yaml"),
    displayName: z
      .string()
      .trim()
      .min(1)
      .max(200, { error: "at most 200 characters: it is part of the names of Entra objects, such as the named location \"<displayName> - toegelaten landen\"" })
      .describe("name of the municipality, e.g. Gemeente Kraainem"),
    tenantId: guid("tenantId").describe("Entra ID tenant id"),
    subscriptionId: guid("subscriptionId").describe("Azure subscription for the Azure resources"),
    primaryDomain: z
      .string()
      .max(253, { error: "a DNS name has at most 253 characters" })
      .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { error: "must be a lowercase DNS name like kraainem.be" }),
    location: z
      .string()
      .superRefine((v, ctx) => {
        const problem = regionProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .describe("Azure region of the Azure resources (facts/azure-regions.ts lists the names), e.g. westeurope or belgiumcentral"),
    tags: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/), z.string().max(256))
      .refine((t) => Object.keys(t).length > 0, { error: "at least one tag is required (e.g. owner, costCenter)" })
      .describe("tags on every Azure resource; werkplek adds managedBy and tenant"),
    breakGlass: z
      .strictObject({
        groupObjectId: guid("breakGlass.groupObjectId").describe(
          "the emergency-access group, excluded from every conditional access policy",
        ),
        accountObjectIds: z
          .array(guid("a break-glass account id"))
          .min(2, { error: "at least two cloud-only emergency-access accounts are required" })
          .refine((ids) => new Set(ids.map((i) => i.toLowerCase())).size === ids.length, { error: "the same account is listed twice; list two or more different accounts" })
          .describe("cloud-only emergency-access accounts; made outside the code and never changed by it"),
      })
      .refine((b) => !b.accountObjectIds.some((a) => a.toLowerCase() === b.groupObjectId.toLowerCase()), {
        error: "an account id equals the group id; accountObjectIds are the accounts, groupObjectId is the group that holds them",
        path: ["accountObjectIds"],
      })
      .describe("emergency access, made and kept outside the code"),
    licences: z
      .record(
        z.string().regex(/^[A-Z0-9_]+$/, { error: "licence keys are SKU part numbers like SPB (uppercase)" }),
        guid("a licence skuId"),
      )
      .default({})
      .describe("SKU part number → skuId, from GET /subscribedSkus"),
    groups: z.record(key("a group key"), GroupSchema).describe("groups by key; keys are referenced elsewhere"),
    adminRoles: z
      .record(key("a group key"), z.array(z.enum(Object.keys(DIRECTORY_ROLES) as [string, ...string[]])).min(1))
      .default({})
      .describe("group key → built-in Entra roles assigned to that group (least privilege)"),
    allowedCountries: z
      .array(
        z
          .string()
          .refine((c) => ISO_COUNTRIES.has(c), { error: "countries are assigned ISO 3166-1 alpha-2 codes in capitals, like BE, NL, FR, DE, LU (the UK is GB)" }),
      )
      .min(1)
      .describe("countries sign-ins may come from"),
    trustedIpRanges: z
      .array(
        z
          .union([z.cidrv4(), z.cidrv6()], { error: "an IP range must be CIDR like 192.0.2.0/24" })
          .refine((r) => Number(r.split("/")[1]) >= 8, { error: "Entra named locations take prefixes of /8 or longer (e.g. /24), not wider ranges" })
          .superRefine(noHostBits),
      )
      .default([])
      .describe("office IP ranges, a trusted named location"),
    authenticationMethods: z
      .strictObject({
        keepEnabled: z
          .array(z.strictObject({ method: z.enum(WEAK_AUTH_METHODS), reason }))
          .default([])
          .describe("weak methods (SMS, voice, email OTP) kept on, each with a reason"),
        passkeyAaguids: z
          .array(guid("a passkey AAGUID"))
          .min(1, { error: "list at least one AAGUID, or leave passkeyAaguids out to allow every passkey model" })
          .optional()
          .describe(
            "AAGUIDs of the passkey models (security keys, Microsoft Authenticator) users may register and sign in with (EIDSCA.AF04-AF06); must include the break-glass accounts' keys; absent: every model",
          ),
      })
      .default({ keepEnabled: [] }),
    adminConsent: z
      .strictObject({
        reviewers: key("a group key").describe("group whose members review admin consent requests"),
        requestDurationInDays: z.number().int().min(1).max(30).default(30),
        adoptExistingSettingId: guid("adminConsent.adoptExistingSettingId")
          .optional()
          .describe("id of the tenant's existing \"Consent Policy Settings\" directory setting (GET /beta/settings), adopted instead of created"),
      })
      .describe("admin consent workflow"),
    conditionalAccess: ConditionalAccessSchema,
    logAnalytics: z
      .strictObject({ retentionInDays: z.number().int().min(30).max(730).default(90) })
      .default({ retentionInDays: 90 }),
    deviceRegistration: DeviceRegistrationSchema,
    passwords: PasswordsSchema,
    appCredentials: AppCredentialsSchema,
    devices: DevicesSchema.optional(),
    state: StateSchema.optional(),
    defenderForCloud: DefenderSchema.prefault({}),
    remoteAccess: RemoteAccessSchema.optional(),
    teams: TeamsSectionSchema.prefault({}),
    guardrails: GuardrailsSchema,
    adopt: AdoptSchema,
    helpdesk: HelpdeskSchema.optional(),
  })
  // Cross-references run even when other fields are invalid, so every problem is reported at once;
  // the value may therefore be partly invalid here and is read defensively.
  .superRefine((value, ctx) => crossReferences((isRecord(value) ? value : {}) as Partial<RawTenant>, ctx), { when: () => true });

/** Why a value is not an Azure region name, or undefined when it is one. */
function regionProblem(v: string): string | undefined {
  if (AZURE_REGIONS.has(v)) return undefined;
  const squeezed = v.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (AZURE_REGIONS.has(squeezed)) return `write the region name "${squeezed}", not "${v}"`;
  return `"${clip(v)}" is not an Azure region; allowed: a region name like westeurope, northeurope, belgiumcentral or francecentral (facts/azure-regions.ts lists them all)`;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

type RawTenant = {
  groups: Record<string, Partial<z.input<typeof GroupSchema>>>;
  licences: Record<string, string>;
  adminRoles: Record<string, unknown>;
  adminConsent: { reviewers?: unknown };
  teams: unknown;
};

function crossReferences(t: Partial<RawTenant>, ctx: z.core.$RefinementCtx): void {
  remoteAccessCrossReferences(t, ctx);
  const groups = isRecord(t.groups) ? t.groups : {};
  const licences = isRecord(t.licences) ? t.licences : {};
  const groupKeys = Object.keys(groups);
  for (const [gk, g] of Object.entries(groups)) {
    if (!isRecord(g)) continue;
    (Array.isArray(g.licences) ? g.licences : []).forEach((l, i) => {
      if (typeof l === "string" && !(l in licences)) {
        ctx.addIssue({
          code: "custom",
          path: ["groups", gk, "licences", i],
          message: `unknown licence "${l}"; allowed: ${Object.keys(licences).join(", ") || "(none declared under licences)"}`,
        });
      }
    });
    if (g.kind === "microsoft365" && g.roleAssignable) {
      ctx.addIssue({ code: "custom", path: ["groups", gk, "roleAssignable"], message: "role-assignable groups must be security groups" });
    }
    if (g.dynamicRule && g.roleAssignable) {
      ctx.addIssue({ code: "custom", path: ["groups", gk, "dynamicRule"], message: "a role-assignable group cannot have dynamic membership" });
    }
  }
  for (const gk of Object.keys(isRecord(t.adminRoles) ? t.adminRoles : {})) {
    const g = groups[gk];
    if (!isRecord(g)) {
      ctx.addIssue({ code: "custom", path: ["adminRoles", gk], message: `unknown group "${gk}"; allowed: ${groupKeys.join(", ")}` });
    } else if (g.dynamicRule || (g.kind ?? "security") !== "security") {
      ctx.addIssue({
        code: "custom",
        path: ["adminRoles", gk],
        message: "roles can only be assigned to assigned-membership security groups (they become role-assignable)",
      });
    }
  }
  duplicateDisplayNames(t, ctx);
  devicesCrossReferences((t as { devices?: unknown }).devices, groups, ctx);
  deviceRegistrationCrossReferences((t as { deviceRegistration?: unknown }).deviceRegistration, groups, ctx);
  adoptCrossReferences((t as { adopt?: unknown }).adopt, t, ctx);
  teamsCrossReferences(t.teams, groups, ctx, (t as { primaryDomain?: unknown }).primaryDomain);
  const reviewers = isRecord(t.adminConsent) ? t.adminConsent.reviewers : undefined;
  if (typeof reviewers === "string" && !isRecord(groups[reviewers])) {
    ctx.addIssue({
      code: "custom",
      path: ["adminConsent", "reviewers"],
      message: `unknown group "${reviewers}"; allowed: ${groupKeys.join(", ")}`,
    });
  }
}

/**
 * Two groups (or Teams, which are groups too) with one display name: Entra allows it, but people
 * pick the wrong one in every list, and the review matches objects by their display name.
 */
function duplicateDisplayNames(t: { groups?: unknown; teams?: unknown }, ctx: z.core.$RefinementCtx): void {
  const named: { path: (string | number)[]; name: string }[] = [];
  for (const [k, g] of Object.entries(isRecord(t.groups) ? t.groups : {})) {
    if (isRecord(g) && typeof g.displayName === "string") named.push({ path: ["groups", k, "displayName"], name: g.displayName });
  }
  const teams = isRecord(t.teams) && isRecord(t.teams.teams) ? t.teams.teams : {};
  for (const [k, team] of Object.entries(teams)) {
    if (isRecord(team) && typeof team.displayName === "string") named.push({ path: ["teams", "teams", k, "displayName"], name: team.displayName });
  }
  const first = new Map<string, (string | number)[]>();
  for (const { path, name } of named) {
    const key = name.trim().toLowerCase();
    const earlier = first.get(key);
    if (earlier) {
      ctx.addIssue({ code: "custom", path, message: `the display name "${clip(name)}" is also used by ${earlier.join(".")}; give each group its own name` });
    } else first.set(key, path);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export type TenantInput = z.input<typeof TenantSchema>;
export type Tenant = z.output<typeof TenantSchema>;
export type GroupSpec = z.output<typeof GroupSchema>;
