/**
 * Drift for Teams: compares the desired document (`teams-policies.json`, written by synth) with
 * what `scripts/teams/Export-TeamsPolicies.ps1` read from the tenant (same shape), parameter by
 * parameter. Only declared parameters are compared; everything werkplek does not set is ignored.
 *
 * Usage:
 * ```ts
 * const desired = readTeamsDocument("cdktf.out/stacks/kraainem-collaboration/assets/.../teams-policies.json");
 * const exported = readTeamsDocument("teams-export.json");
 * const differences = compareTeamsPolicies(desired, exported); // [] when the tenant matches
 * ```
 */
import * as fs from "fs";
import { z } from "zod";
import type { ParameterSpec } from "../../facts/teams-cmdlets";
import type { TeamsDocumentAssignment, TeamsPoliciesDocument } from "./document";
import { policyTypeSpec } from "./validate";

/** One setting that differs between code and tenant. */
export interface TeamsDifference {
  /** e.g. `TeamsMeetingPolicy`, `TenantFederationConfiguration`. */
  readonly policyType: string;
  /**
   * The policy's `-Identity` (`Global`, a custom name), `group:<key>` for a declared group
   * assignment, or `group-id:<object id>` for an assignment the code does not declare.
   */
  readonly identity: string;
  /** Cmdlet parameter name; `PolicyName` or `Rank` for a group assignment. */
  readonly parameter: string;
  /** The value in code. */
  readonly desired: unknown;
  /** The value in the tenant; null when the policy, assignment or property was not found. */
  readonly actual: unknown;
}

/**
 * Every declared setting whose tenant value differs: policies and assignments in document order,
 * parameters by name. Values are compared by
 * their cmdlet type: booleans also as "True"/"False", choice values without regard to case, lists
 * as sets (domains and app ids without regard to case; null equals an empty list).
 */
export function compareTeamsPolicies(desired: TeamsPoliciesDocument, exported: TeamsPoliciesDocument): TeamsDifference[] {
  const differences: TeamsDifference[] = [];
  const actualPolicies = new Map(exported.policies.map((p) => [`${p.policyType}/${p.identity.toLowerCase()}`, p]));
  for (const want of desired.policies) {
    const have = actualPolicies.get(`${want.policyType}/${want.identity.toLowerCase()}`);
    const found = have !== undefined && have.found !== false;
    const spec = policyTypeSpec(want.policyType);
    for (const [parameter, desiredValue] of Object.entries(want.parameters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const actual = found ? (have.parameters[parameter] ?? null) : null;
      if (!found || !sameValue(spec?.parameters[parameter], desiredValue, actual)) {
        differences.push({ policyType: want.policyType, identity: want.identity, parameter, desired: desiredValue, actual });
      }
    }
  }
  const actualAssignments = new Map(exported.groupAssignments.map((a) => [`${a.policyType}/${a.group}`, a]));
  for (const want of desired.groupAssignments) {
    const have: Partial<TeamsDocumentAssignment> = actualAssignments.get(`${want.policyType}/${want.group}`) ?? {};
    const identity = `group:${want.group}`;
    if (!sameValue({ type: "String", values: [] }, want.policyName, have.policyName ?? null)) {
      differences.push({ policyType: want.policyType, identity, parameter: "PolicyName", desired: want.policyName, actual: have.policyName ?? null });
    }
    if (!sameValue({ type: "Int32", min: 1, max: Number.MAX_SAFE_INTEGER }, want.rank, have.rank ?? null)) {
      differences.push({ policyType: want.policyType, identity, parameter: "Rank", desired: want.rank, actual: have.rank ?? null });
    }
  }
  // only an export has these: assignments of werkplek's own policies to groups the code does not list
  for (const extra of (exported as ExportedDocument).undeclaredAssignments ?? []) {
    differences.push({ policyType: extra.policyType, identity: `group-id:${extra.groupId}`, parameter: "PolicyName", desired: null, actual: extra.policyName });
  }
  return differences;
}

/** An export: the desired shape plus what the tenant has that the code does not declare. */
interface ExportedDocument extends TeamsPoliciesDocument {
  readonly undeclaredAssignments?: readonly { policyType: string; groupId: string; policyName: string; rank: number | null }[];
}

function sameValue(spec: ParameterSpec | undefined, desired: unknown, actual: unknown): boolean {
  switch (spec?.type) {
    case "Boolean":
      return toBoolean(desired) === toBoolean(actual);
    case "String":
      if (spec.values) return lower(desired) === lower(actual);
      return (desired ?? "") === (actual ?? "");
    case "Int32":
      return actual !== null && actual !== "" && Number(desired) === Number(actual);
    case "StringList":
      return sameSet(toList(desired), toList(actual));
    default:
      return JSON.stringify(desired) === JSON.stringify(actual);
  }
}

function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return undefined;
}

function lower(v: unknown): unknown {
  return typeof v === "string" ? v.toLowerCase() : v;
}

/** PowerShell writes a one-element list as a scalar and an empty one as null. */
function toList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x).toLowerCase());
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = [...new Set(a)].sort();
  const sb = [...new Set(b)].sort();
  return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}

/** Thrown when a document file cannot be read or does not have the document's shape. */
export class TeamsDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TeamsDocumentError";
  }
}

const DocumentSchema = z.object({
  schemaVersion: z.literal(1, { error: "schemaVersion must be 1" }),
  policies: z.array(
    z.object({
      policyType: z.string().min(1),
      identity: z.string().min(1),
      parameters: z.record(z.string(), z.unknown()).nullable().transform((p) => p ?? {}),
      found: z.boolean().optional(),
    }).loose(),
  ),
  groupAssignments: z
    .array(
      z.object({
        policyType: z.string().min(1),
        group: z.string().min(1),
        policyName: z.string().nullable().default(null),
        rank: z.number().nullable().default(null),
      }).loose(),
    )
    .nullable()
    .default([])
    .transform((a) => a ?? []),
  undeclaredAssignments: z
    .array(
      z.object({ policyType: z.string().min(1), groupId: z.string().min(1), policyName: z.string().min(1), rank: z.number().nullable().default(null) }).loose(),
    )
    .nullable()
    .optional()
    .transform((a) => a ?? []),
});

/**
 * Checks that parsed JSON is a Teams document (desired or exported); the error names the source
 * and the field path. PowerShell's ConvertTo-Json output is accepted as is.
 */
export function parseTeamsDocument(value: unknown, source: string): TeamsPoliciesDocument {
  const result = DocumentSchema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${source} ${i.path.join(".") || "(document)"}: ${i.message}`);
    throw new TeamsDocumentError(lines.join("\n"));
  }
  return result.data as unknown as TeamsPoliciesDocument;
}

/** Reads and checks a Teams document file; throws TeamsDocumentError naming the file. */
export function readTeamsDocument(file: string): TeamsPoliciesDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new TeamsDocumentError(`${file}: cannot read: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new TeamsDocumentError(`${file}: invalid JSON: ${(e as Error).message}`);
  }
  return parseTeamsDocument(value, file);
}
