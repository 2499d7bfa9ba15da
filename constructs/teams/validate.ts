/**
 * Synth-time checks of Teams policy data against the cmdlet catalogue (facts/teams-cmdlets.ts).
 * The TypeScript types already reject most mistakes in literal data; these checks also cover
 * values computed from the tenant file and data built without the types.
 */
import { APP_CENTRIC, ParameterSpec, POLICY_TYPES, PolicyType, PolicyTypeSpec } from "../../facts/teams-cmdlets";
import { ConfigurationError } from "../errors";
import { GLOBAL, TeamsAppAvailability, TeamsGroupAssignment, TeamsPolicy } from "./policy";

/** Thrown with every problem found, one per line. */
export class TeamsPolicyError extends ConfigurationError {
  constructor(readonly problems: readonly string[]) {
    super(`invalid Teams policy data:\n${problems.join("\n")}`);
    this.name = "TeamsPolicyError";
  }
}

const POLICY_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

/** The spec of a known policy type, or undefined. */
export function policyTypeSpec(policyType: string): PolicyTypeSpec | undefined {
  return Object.prototype.hasOwnProperty.call(POLICY_TYPES, policyType) ? POLICY_TYPES[policyType as PolicyType] : undefined;
}

/** Problems with one parameter value, or undefined when it is allowed. */
export function checkValue(spec: ParameterSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case "Boolean":
      return typeof value === "boolean" ? undefined : `must be true or false, got ${show(value)}`;
    case "String":
      if (typeof value !== "string") return `must be a string, got ${show(value)}`;
      if (spec.values && !spec.values.includes(value)) return `${show(value)} is not allowed; allowed: ${spec.values.join(", ")}`;
      return undefined;
    case "Int32":
      if (typeof value !== "number" || !Number.isInteger(value)) return `must be a whole number, got ${show(value)}`;
      if ((value < spec.min || value > spec.max) && !spec.also?.includes(value)) {
        return `${value} is out of range; allowed: ${spec.min} to ${spec.max}${spec.also ? ` or ${spec.also.join(", ")}` : ""}`;
      }
      return undefined;
    case "StringList":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.length === 0)) {
        return `must be a list of non-empty strings, got ${show(value)}`;
      }
      return undefined;
  }
}

/**
 * Checks every policy and group assignment; throws TeamsPolicyError listing all problems.
 * @param groupKeys keys of the tenant's groups that assignments may reference
 */
export function validateTeamsPolicies(
  policies: readonly TeamsPolicy[],
  assignments: readonly TeamsGroupAssignment[],
  groupKeys: readonly string[],
): void {
  const problems: string[] = [];
  const declared = new Set<string>();
  for (const p of policies) {
    const where = `teams policy ${p.policyType} "${p.identity}"`;
    const spec = policyTypeSpec(p.policyType);
    if (!spec) {
      problems.push(`${where}: unknown policy type; allowed: ${Object.keys(POLICY_TYPES).join(", ")}`);
      continue;
    }
    const id = `${p.policyType}/${p.identity}`;
    if (declared.has(id)) problems.push(`${where}: declared twice; merge the two entries`);
    declared.add(id);
    if (!spec.new && p.identity !== GLOBAL) {
      problems.push(`${where}: ${p.policyType} is a tenant configuration; its only identity is ${GLOBAL}`);
    } else if (!POLICY_NAME.test(p.identity)) {
      problems.push(`${where}: a policy name must be 1-64 letters, digits, spaces, dots, dashes or underscores`);
    }
    for (const [name, value] of Object.entries(p.parameters as Record<string, unknown>)) {
      const param = spec.parameters[name];
      if (!param) {
        problems.push(`${where}: unknown parameter ${name} of ${spec.set}; allowed: ${Object.keys(spec.parameters).join(", ")}`);
        continue;
      }
      const problem = checkValue(param, value);
      if (problem) problems.push(`${where}: parameter ${name} ${problem}`);
    }
  }
  const ranks = new Set<string>();
  const assigned = new Set<string>();
  for (const a of assignments) {
    const where = `teams group assignment ${a.policyType} "${a.policyName}" to group "${a.group}"`;
    const spec = policyTypeSpec(a.policyType);
    if (!spec?.groupAssignable) {
      const allowed = Object.entries(POLICY_TYPES).filter(([, s]) => s.groupAssignable).map(([t]) => t);
      problems.push(`${where}: ${a.policyType} cannot be assigned to groups; allowed: ${allowed.join(", ")}`);
    }
    if (a.policyName === GLOBAL || !declared.has(`${a.policyType}/${a.policyName}`)) {
      problems.push(`${where}: assign a custom policy declared in the policy data, not ${show(a.policyName)}`);
    }
    if (!groupKeys.includes(a.group)) problems.push(`${where}: unknown group; allowed: ${groupKeys.join(", ")}`);
    if (!Number.isInteger(a.rank) || a.rank < 1) problems.push(`${where}: rank must be a whole number from 1, got ${show(a.rank)}`);
    const rankKey = `${a.policyType}/${a.rank}`;
    if (ranks.has(rankKey)) problems.push(`${where}: rank ${a.rank} is already used for ${a.policyType}; ranks are unique per policy type`);
    ranks.add(rankKey);
    const groupKey = `${a.policyType}/${a.group}`;
    if (assigned.has(groupKey)) problems.push(`${where}: the group already has a ${a.policyType}; a group gets one per type`);
    assigned.add(groupKey);
  }
  if (problems.length > 0) throw new TeamsPolicyError(problems);
}

function show(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

/** App availability: every catalogue setting known with a known value, app ids non-empty and listed once. */
export function validateTeamsApps(apps: TeamsAppAvailability): void {
  const problems: string[] = [];
  const names: readonly string[] = APP_CENTRIC.tenantSettings.names;
  const values: readonly string[] = APP_CENTRIC.tenantSettings.values;
  for (const name of names) {
    if (!(name in apps.tenantSettings)) problems.push(`teams apps: tenant setting ${name} is missing; every one of ${names.join(", ")} is declared`);
  }
  for (const [name, value] of Object.entries(apps.tenantSettings)) {
    if (!names.includes(name)) problems.push(`teams apps: unknown tenant setting ${name}; allowed: ${names.join(", ")}`);
    else if (!values.includes(value)) problems.push(`teams apps: ${name} ${show(value)} is not allowed; allowed: ${values.join(", ")}`);
  }
  const seen = new Set<string>();
  for (const app of apps.available) {
    if (!/^\S+$/.test(app.id)) problems.push(`teams apps: app id ${show(app.id)} must be a Teams app id without spaces`);
    else if (seen.has(app.id.toLowerCase())) problems.push(`teams apps: app ${app.id} is listed twice`);
    seen.add(app.id.toLowerCase());
    if (!names.includes(app.catalog)) problems.push(`teams apps: app ${app.id} has unknown catalogue ${show(app.catalog)}; allowed: ${names.join(", ")}`);
  }
  if (problems.length) throw new TeamsPolicyError(problems);
}
