/**
 * The desired Teams state as one JSON document (`teams-policies.json`), read by the thin scripts
 * in scripts/teams/. The document says, for each policy, which cmdlets to call and with which
 * parameters, so the scripts hold no knowledge of their own.
 *
 * The text is canonical (keys sorted, sets sorted, fixed indentation), so its SHA-256 changes
 * exactly when a Teams setting changes. Group object ids are not in it: they are known only after
 * the identity stack is deployed and reach the script through environment variables named in
 * `groupIdVariable`.
 */
import { createHash } from "crypto";
import { AppAssignmentType, AppCatalogSetting, AppCatalogValue, ParameterValue, PolicyType } from "../../facts/teams-cmdlets";
import type { TeamsAppAvailability, TeamsGroupAssignment, TeamsPolicy } from "./policy";
import { policyTypeSpec, validateTeamsApps, validateTeamsPolicies } from "./validate";

export const TEAMS_DOCUMENT_FILE = "teams-policies.json";
export const TEAMS_DOCUMENT_SCHEMA_VERSION = 1;

export interface TeamsDocumentPolicy {
  readonly policyType: PolicyType;
  /** `-Identity` */
  readonly identity: string;
  /** Cmdlets the scripts call; `new` is absent for tenant configurations (only `Global` exists). */
  readonly cmdlets: { readonly get: string; readonly set: string; readonly new?: string };
  /** Parameter → property path on the Get- result, where it differs from the parameter name. */
  readonly read: Readonly<Record<string, string>>;
  /** Parameter → .NET type each string is wrapped in before the Set- call (app ids). */
  readonly elementTypes: Readonly<Record<string, string>>;
  /** Parameter → .NET collection type the list is converted to before the Set- call. */
  readonly listTypes: Readonly<Record<string, string>>;
  /** The declared parameters and values; in an export, the values found in the tenant. */
  readonly parameters: Readonly<Record<string, ParameterValue | null>>;
  /** Export only: false when the Get- cmdlet found no such policy. @default true */
  readonly found?: boolean;
}

export interface TeamsDocumentAssignment {
  readonly policyType: PolicyType;
  readonly policyName: string | null;
  /** Key of the group in the tenant file. */
  readonly group: string;
  /** Environment variable holding the group's object id (lowercase: cdktf keeps it as written). */
  readonly groupIdVariable: string;
  readonly rank: number | null;
}

/**
 * Teams apps by app-centric management. Applied and checked by scripts/teams/Apply-TeamsApps.ps1
 * with a delegated admin sign-in: its cmdlets (APP_CENTRIC in facts/teams-cmdlets.ts) refuse the
 * app-only sign-in of the apply step.
 */
export interface TeamsDocumentApps {
  readonly tenantSettings: Readonly<Record<AppCatalogSetting, AppCatalogValue>>;
  /** Apps made available to everyone, sorted by id. */
  readonly available: readonly { readonly id: string; readonly catalog: AppCatalogSetting; readonly assignmentType: AppAssignmentType }[];
}

export interface TeamsPoliciesDocument {
  readonly schemaVersion: number;
  readonly policies: readonly TeamsDocumentPolicy[];
  readonly groupAssignments: readonly TeamsDocumentAssignment[];
  /** Absent when the stack declares no app availability (and in an export of the app-only step). */
  readonly apps?: TeamsDocumentApps;
}

/** Environment variable name that carries a group's object id to the scripts. */
export function groupIdVariable(groupKey: string): string {
  return `werkplek_group_${groupKey.replace(/[^a-z0-9]/g, "_")}`;
}

/**
 * Validates the policy data and builds the document: one entry per policy, parameters with sets
 * sorted, then the group assignments.
 */
export function buildTeamsDocument(
  policies: readonly TeamsPolicy[],
  assignments: readonly TeamsGroupAssignment[],
  groupKeys: readonly string[],
  apps?: TeamsAppAvailability,
): TeamsPoliciesDocument {
  validateTeamsPolicies(policies, assignments, groupKeys);
  if (apps) validateTeamsApps(apps);
  return {
    schemaVersion: TEAMS_DOCUMENT_SCHEMA_VERSION,
    policies: policies.map((p) => {
      const spec = policyTypeSpec(p.policyType)!;
      const read: Record<string, string> = {};
      const elementTypes: Record<string, string> = {};
      const listTypes: Record<string, string> = {};
      const parameters: Record<string, ParameterValue> = {};
      for (const [name, value] of Object.entries(p.parameters as Record<string, ParameterValue>)) {
        const param = spec.parameters[name];
        if (param.type === "StringList") {
          if (param.readFrom) read[name] = param.readFrom;
          if (param.objectType) elementTypes[name] = param.objectType;
          if (param.listType) listTypes[name] = param.listType;
          parameters[name] = [...new Set(value as readonly string[])].sort();
        } else {
          parameters[name] = value;
        }
      }
      return {
        policyType: p.policyType,
        identity: p.identity,
        cmdlets: { get: spec.get, set: spec.set, ...(spec.new ? { new: spec.new } : {}) },
        read,
        elementTypes,
        listTypes,
        parameters,
      };
    }),
    groupAssignments: assignments.map((a) => ({
      policyType: a.policyType,
      policyName: a.policyName,
      group: a.group,
      groupIdVariable: groupIdVariable(a.group),
      rank: a.rank,
    })),
    ...(apps
      ? {
          apps: {
            tenantSettings: { ...apps.tenantSettings },
            available: [...apps.available]
              .sort((a, b) => a.id.localeCompare(b.id))
              .map((a) => ({ id: a.id, catalog: a.catalog, assignmentType: "Everyone" as const })),
          },
        }
      : {}),
  };
}

/** The document as written to disk: keys sorted at every level, two-space indent, final newline. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + "\n";
}

/** SHA-256 (hex) of the canonical document text: the apply trigger. */
export function documentSha256(document: TeamsPoliciesDocument): string {
  return createHash("sha256").update(canonicalJson(document), "utf8").digest("hex");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
