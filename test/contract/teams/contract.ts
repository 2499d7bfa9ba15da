/**
 * The Teams contract: werkplek's cmdlet catalogue, the desired-state document it synthesizes and
 * the cmdlets its scripts call, checked against Microsoft's cmdlet reference (cmdlets.json, see
 * SOURCE.md). Each check returns violations; the spec decides which are known and which fail.
 */
import type { ParameterSpec, PolicyTypeSpec } from "../../../facts/teams-cmdlets";
import type { TeamsPoliciesDocument } from "../../../constructs/teams/document";
import { dynamicCallParameters, scriptCalls } from "./scripts";

/** What the reference says about one parameter of one cmdlet. */
export interface ParameterFacts {
  /** Type as the page's yaml block states it (several joined with " | " when parameter sets differ). */
  readonly type: string;
  /** Accepted values, from an "Accepted values:" line or the description's enumeration. */
  readonly values?: readonly string[];
  readonly valuesFrom?: "accepted-values" | "description";
  /** Documented numeric range ("from 1 to 99,999"), plus single extra values ("can also be -1"). */
  readonly range?: { readonly min: number; readonly max: number; readonly also?: readonly number[] };
  readonly parameterSets?: readonly string[];
  /** Named in the page's SYNTAX block only, without a PARAMETERS section (type from the syntax). */
  readonly syntaxOnly?: boolean;
  /** Sentences saying the parameter must not be used, has no effect, is deprecated, removed or unavailable. */
  readonly notes?: readonly string[];
  /** True when a note says: do not use / deprecated / no effect / removed. */
  readonly doNotUse?: boolean;
}

/** What the reference says about one cmdlet. */
export interface CmdletFacts {
  readonly exists: boolean;
  readonly page: string;
  /** Last commit that changed the page. */
  readonly pageCommit?: string;
  readonly pageDate?: string;
  /** Sentences of the synopsis/description saying the cmdlet must not be used, is ignored or will go away. */
  readonly notes?: readonly string[];
  /** True when the page says: do not use this cmdlet / changes are not applied / deprecated. */
  readonly doNotUse?: boolean;
  readonly commonParameters?: boolean;
  readonly parameters?: Readonly<Record<string, ParameterFacts>>;
  /** For a cmdlet without a page: where the page was, when it was deleted and what it said last. */
  readonly removed?: { readonly path: string; readonly commit: string; readonly date: string; readonly lastSynopsis: string };
}

export interface Reference {
  readonly source: { readonly repository: string; readonly commit: string };
  readonly groupPolicyAssignment: {
    readonly newCsGroupPolicyAssignment: { readonly unsupportedPolicyTypes: readonly string[] };
    readonly listedPolicyTypes: readonly string[];
    readonly grantWithGroup: Readonly<Record<string, { readonly group: boolean; readonly rank: boolean }>>;
  };
  readonly cmdlets: Readonly<Record<string, CmdletFacts>>;
}

/**
 * One breach of the contract. `key` is stable (no line numbers, no values that change with the
 * tenant file) so a known violation can be listed; `message` says where, what and what is allowed.
 */
export interface Violation {
  readonly key: string;
  readonly message: string;
}

/** PowerShell common parameters, accepted by every cmdlet whose page lists CommonParameters. */
const COMMON = new Set([
  "Debug", "ErrorAction", "ErrorVariable", "InformationAction", "InformationVariable", "OutVariable",
  "OutBuffer", "PipelineVariable", "Verbose", "WarningAction", "WarningVariable", "ProgressAction",
]);

const INTEGER = /^(U?Int(16|32|64)|Byte)$/;
const LIST = /(\[\]|^List$|^System\.Collections\.Generic\.List|PSListModifier)/;

export const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Collects violations, merging those with the same key (the same fault seen from several places). */
class Violations {
  private readonly byKey = new Map<string, string[]>();
  add(key: string, message: string): void {
    const messages = this.byKey.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    this.byKey.set(key, messages);
  }
  list(): Violation[] {
    return [...this.byKey].map(([key, messages]) => ({ key, message: messages.join("\n  also: ") }));
  }
}

function cmdletFault(ref: Reference, cmdlet: string, where: string, out: Violations): CmdletFacts | undefined {
  const facts = ref.cmdlets[cmdlet];
  if (!facts) {
    out.add(`unknown cmdlet ${cmdlet}`, `${where}: ${cmdlet} is not in the cmdlet reference (${ref.source.repository}@${ref.source.commit.slice(0, 10)}); check the name, or regenerate cmdlets.json if it is new`);
    return undefined;
  }
  if (!facts.exists) {
    const gone = facts.removed ? `; its page ${facts.removed.path} was deleted in ${facts.removed.commit.slice(0, 10)} (${facts.removed.date}), last saying: "${facts.removed.lastSynopsis}"` : "";
    out.add(`missing cmdlet ${cmdlet}`, `${where}: ${cmdlet} does not exist in the cmdlet reference (no page ${facts.page})${gone}`);
    return undefined;
  }
  return facts;
}

/** The reference facts of a parameter, or why there are none. */
function parameterFacts(facts: CmdletFacts, name: string): ParameterFacts | "common" | undefined {
  if (facts.parameters?.[name]) return facts.parameters[name];
  if (COMMON.has(name) && facts.commonParameters) return "common";
  return undefined;
}

function documented(facts: CmdletFacts): string {
  return Object.keys(facts.parameters ?? {}).join(", ");
}

/** Problem with one value against the reference facts of its parameter, or undefined. */
export function valueProblem(p: ParameterFacts, value: unknown): string | undefined {
  if (/^(Boolean|SwitchParameter)$/.test(p.type)) {
    return typeof value === "boolean" ? undefined : `${show(value)} is not a Boolean ($true or $false)`;
  }
  if (INTEGER.test(p.type)) {
    if (typeof value !== "number" || !Number.isInteger(value)) return `${show(value)} is not a whole number (${p.type})`;
    if (p.range && !(value >= p.range.min && value <= p.range.max) && !(p.range.also ?? []).includes(value)) {
      return `${value} is outside the documented range; allowed: ${p.range.min} to ${p.range.max}${p.range.also ? ` or ${p.range.also.join(", ")}` : ""}`;
    }
    return undefined;
  }
  if (LIST.test(p.type)) {
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? undefined : `${show(value)} is not a list of strings (${p.type})`;
  }
  // String and enumerations (e.g. ExternalAccessWithTrialTenantsType): strings, from the accepted values when listed
  if (typeof value !== "string") return `${show(value)} is not a string (${p.type})`;
  if (p.values && !p.values.includes(value)) return `${show(value)} is not an accepted value; allowed: ${p.values.join(", ")}`;
  return undefined;
}

/** Catalogue parameter type against the reference type. */
function typeProblem(spec: ParameterSpec, p: ParameterFacts): string | undefined {
  switch (spec.type) {
    case "Boolean":
      return /^(Boolean|SwitchParameter)$/.test(p.type) ? undefined : `catalogue says Boolean, reference says ${p.type}`;
    case "Int32":
      return INTEGER.test(p.type) ? undefined : `catalogue says Int32, reference says ${p.type}`;
    case "String":
      return p.type === "String" || (!!p.values && !INTEGER.test(p.type) && !LIST.test(p.type) && p.type !== "Boolean") ? undefined : `catalogue says String, reference says ${p.type}`;
    case "StringList": {
      if (!LIST.test(p.type)) return `catalogue says a list, reference says ${p.type}`;
      if (spec.objectType && p.type !== `${spec.objectType}[]`) return `catalogue wraps items in ${spec.objectType}, reference takes ${p.type}`;
      if (spec.listType && !/^List$|^System\.Collections\.Generic\.List/.test(p.type)) return `catalogue converts to ${spec.listType}, reference takes ${p.type}`;
      return undefined;
    }
  }
}

/** Integers the catalogue allows that the reference does not (checked where the gap is small). */
function rangeProblem(spec: { min: number; max: number }, p: ParameterFacts): string | undefined {
  if (!p.range) return undefined;
  const allowed = (n: number) => (n >= p.range!.min && n <= p.range!.max) || (p.range!.also ?? []).includes(n);
  const outside: number[] = [];
  for (const [from, to] of [
    [spec.min, Math.min(spec.max, p.range.min - 1)],
    [Math.max(spec.min, p.range.max + 1), spec.max],
  ]) {
    if (to - from > 1000) return `catalogue allows ${from} to ${to}; documented: ${p.range.min} to ${p.range.max}`;
    for (let n = from; n <= to; n++) if (!allowed(n)) outside.push(n);
  }
  return outside.length > 0 ? `catalogue range ${spec.min} to ${spec.max} allows ${outside.join(", ")}; documented: ${p.range.min} to ${p.range.max}${p.range.also ? ` or ${p.range.also.join(", ")}` : ""}` : undefined;
}

/** Is the policy type accepted by New-CsGroupPolicyAssignment -PolicyType (listed, and not excepted)? */
export function groupAssignmentProblem(ref: Reference, policyType: string): string | undefined {
  const gpa = ref.groupPolicyAssignment;
  if (gpa.newCsGroupPolicyAssignment.unsupportedPolicyTypes.includes(policyType)) {
    return `${policyType} is one of the policy types New-CsGroupPolicyAssignment does not support (${gpa.newCsGroupPolicyAssignment.unsupportedPolicyTypes.join(", ")})`;
  }
  if (!gpa.listedPolicyTypes.includes(policyType)) {
    return `${policyType} is not a documented -PolicyType of the group policy assignment cmdlets; allowed: ${gpa.listedPolicyTypes.join(", ")}`;
  }
  return undefined;
}

/** The catalogue: every policy type's cmdlets and parameters, and the script cmdlets it lists. */
export function checkCatalogue(ref: Reference, policyTypes: Readonly<Record<string, PolicyTypeSpec>>, scriptCmdlets: Readonly<Record<string, readonly string[]>>): Violation[] {
  const out = new Violations();
  for (const [type, spec] of Object.entries(policyTypes)) {
    const where = `catalogue ${type}`;
    for (const cmdlet of [spec.get, spec.set, spec.new].filter((c): c is string => !!c)) {
      const facts = cmdletFault(ref, cmdlet, where, out);
      if (facts && !parameterFacts(facts, "Identity")) out.add(`undocumented parameter ${cmdlet} -Identity`, `${where}: the scripts call ${cmdlet} -Identity, but ${cmdlet} documents no -Identity; documented: ${documented(facts)}`);
    }
    const set = ref.cmdlets[spec.set];
    if (set?.exists) {
      for (const [name, pspec] of Object.entries(spec.parameters)) {
        const p = parameterFacts(set, name);
        const at = `${where}: ${spec.set} -${name}`;
        if (!p || p === "common") {
          out.add(`undocumented parameter ${spec.set} -${name}`, `${at} is not a documented parameter of ${spec.set}; documented: ${documented(set)}`);
          continue;
        }
        if (p.doNotUse) out.add(`do-not-use parameter ${spec.set} -${name}`, `${at} is offered by the catalogue, but the reference says: "${(p.notes ?? []).join(" ")}"`);
        const typeIssue = typeProblem(pspec, p);
        if (typeIssue) out.add(`type ${spec.set} -${name}`, `${at}: ${typeIssue}`);
        if (pspec.type === "String") {
          const values = "values" in pspec ? pspec.values : undefined;
          if (values && p.values) {
            const extra = values.filter((v) => !p.values!.includes(v));
            if (extra.length > 0) out.add(`value ${spec.set} -${name}`, `${at}: the catalogue allows ${extra.map(show).join(", ")}, which the reference does not; allowed: ${p.values.join(", ")}`);
          }
          if (!values && p.values) out.add(`unrestricted ${spec.set} -${name}`, `${at}: the catalogue takes any string, the reference accepts only ${p.values.join(", ")}; list them in the catalogue`);
        }
        if (pspec.type === "Int32") {
          const issue = rangeProblem(pspec, p);
          if (issue) out.add(`range ${spec.set} -${name}`, `${at}: ${issue}`);
        }
      }
    }
    if (spec.groupAssignable) {
      const issue = groupAssignmentProblem(ref, type);
      if (issue) out.add(`group assignment ${type}`, `${where} is marked groupAssignable, but ${issue}`);
      const grant = ref.groupPolicyAssignment.grantWithGroup[`Grant-Cs${type}`];
      if (!grant?.group || !grant.rank) out.add(`grant to group ${type}`, `${where} is marked groupAssignable, but Grant-Cs${type} documents no -Group/-Rank (the documented successor of New-CsGroupPolicyAssignment)`);
    }
  }
  for (const [cmdlet, params] of Object.entries(scriptCmdlets)) {
    const where = "catalogue SCRIPT_CMDLETS";
    const facts = cmdletFault(ref, cmdlet, where, out);
    if (!facts) continue;
    for (const name of params) {
      const p = parameterFacts(facts, name);
      if (!p) out.add(`undocumented parameter ${cmdlet} -${name}`, `${where}: ${cmdlet} -${name} is not documented; documented: ${documented(facts)}`);
      else if (p !== "common" && p.doNotUse) out.add(`do-not-use parameter ${cmdlet} -${name}`, `${where}: ${cmdlet} -${name}: the reference says "${(p.notes ?? []).join(" ")}"`);
    }
  }
  return out.list();
}

/** The desired-state document the stack synthesizes: cmdlets, parameters and values. */
export function checkDocument(ref: Reference, document: TeamsPoliciesDocument): Violation[] {
  const out = new Violations();
  for (const policy of document.policies) {
    const where = `${policy.cmdlets.set} -Identity ${policy.identity}`;
    const unusable: string[] = [];
    for (const cmdlet of Object.values(policy.cmdlets)) {
      const facts = cmdletFault(ref, cmdlet, `teams-policies.json ${policy.policyType} "${policy.identity}"`, out);
      if (facts?.doNotUse) unusable.push(`${cmdlet}: "${(facts.notes ?? []).join(" ")}"`);
    }
    if (unusable.length > 0) {
      out.add(`do-not-use cmdlet ${policy.policyType} "${policy.identity}"`, `teams-policies.json ${policy.policyType} "${policy.identity}" is applied with cmdlets the reference says not to use: ${unusable.join("; ")}`);
    }
    const set = ref.cmdlets[policy.cmdlets.set];
    if (!set?.exists) continue;
    for (const [name, value] of Object.entries(policy.parameters)) {
      const p = parameterFacts(set, name);
      if (!p || p === "common") {
        out.add(`undocumented parameter ${policy.cmdlets.set} -${name}`, `${where}: -${name} ${show(value)} is not a documented parameter of ${policy.cmdlets.set}; documented: ${documented(set)}`);
        continue;
      }
      if (p.doNotUse) out.add(`do-not-use parameter ${policy.cmdlets.set} -${name} (set)`, `${where}: -${name} ${show(value)} is set, but the reference says: "${(p.notes ?? []).join(" ")}"`);
      const problem = valueProblem(p, value);
      if (problem) out.add(`value ${policy.cmdlets.set} -Identity ${policy.identity} -${name}`, `${where}: -${name} ${problem}`);
    }
  }
  for (const a of document.groupAssignments) {
    const issue = groupAssignmentProblem(ref, a.policyType);
    if (issue) out.add(`group assignment ${a.policyType}`, `teams-policies.json assigns ${a.policyType} "${a.policyName}" to group "${a.group}", but ${issue}`);
  }
  return out.list();
}

/** The scripts: every Teams cmdlet they call by name, and the parameters they pass. */
export function checkScripts(ref: Reference, scripts: readonly { file: string; text: string }[], document: TeamsPoliciesDocument): Violation[] {
  const out = new Violations();
  for (const { file, text } of scripts) {
    for (const call of scriptCalls(text)) {
      const where = `${file}:${call.line}`;
      const facts = cmdletFault(ref, call.cmdlet, where, out);
      if (!facts) continue;
      if (facts.doNotUse) out.add(`do-not-use cmdlet ${call.cmdlet}`, `${where}: calls ${call.cmdlet}; the reference says: "${(facts.notes ?? []).join(" ")}"`);
      for (const name of call.parameters) {
        const p = parameterFacts(facts, name);
        if (!p) out.add(`undocumented parameter ${call.cmdlet} -${name}`, `${where}: ${call.cmdlet} -${name} is not documented; documented: ${documented(facts)}`);
        else if (p !== "common" && p.doNotUse) out.add(`do-not-use parameter ${call.cmdlet} -${name}`, `${where}: ${call.cmdlet} -${name}: the reference says "${(p.notes ?? []).join(" ")}"`);
      }
    }
    // `& $cmdlets.get -Identity ...`: the parameters go to every Get-/New-/Set- the document names
    for (const call of dynamicCallParameters(text)) {
      for (const policy of document.policies) {
        for (const cmdlet of Object.values(policy.cmdlets)) {
          const facts = ref.cmdlets[cmdlet];
          if (!facts?.exists) continue;
          for (const name of call.parameters) {
            if (!parameterFacts(facts, name)) out.add(`undocumented parameter ${cmdlet} -${name}`, `${file}:${call.line}: passes -${name} to the document's cmdlets, but ${cmdlet} documents no -${name}`);
          }
        }
      }
    }
  }
  return out.list();
}
