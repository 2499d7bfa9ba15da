/**
 * Compares two synthesized outputs resource by resource: what is created, deleted, updated or
 * replaced, attribute by attribute, with a description in words and the risk flags.
 */
import { Area } from "../../stacks/werkplek-stack";
import { AttributeChange, attributeChanges } from "./attributes";
import { describeConditionalAccess, describeNsgRule, nsgRules } from "./describe";
import { documentLabel, EMERGENCY_ACCESS_GROUP, humanize, isTeamsApplyStep, labelOf } from "./labels";
import { Action, findingKey, RelatedResources, Risk, risksOf, teamsLoosenings } from "./risks";
import { GuardrailFinding, StackSet } from "./stack-set";
import { jsonEqual } from "./values";
import { areaOf, block, isObject, JsonObject, tenantOf } from "../../stacks/synthesized";
import { loadTenant } from "../../tenants/load";
import type { Tenant } from "../../tenants/schema";
import { gatewayDoor, InternetPermitted, NOTHING_PERMITTED } from "./gateway";

export interface ResourceChange {
  readonly stack: string;
  readonly tenant: string;
  readonly area: Area | "other";
  /** `type.name`, or `document <path>` for a desired-state document, `backend` for the state backend. */
  readonly address: string;
  readonly type: string;
  readonly label: string;
  readonly action: Action;
  /** The resource in words (conditional access policies, NSG rules), before and after. */
  readonly words?: { readonly before?: string[]; readonly after?: string[] };
  readonly attributes: AttributeChange[];
  readonly risks: Risk[];
  readonly notes: string[];
}

export interface SuppressionAdded {
  readonly finding: GuardrailFinding;
  readonly risk: Risk;
}

export interface DiffResult {
  readonly changes: ResourceChange[];
  readonly suppressions: SuppressionAdded[];
  /** Number of risk flags over all changes and suppressions. */
  readonly riskCount: number;
}

/**
 * Attributes whose change cannot be made in place (ForceNew in the provider), so terraform replaces
 * the object. Best effort from the provider schemas; the plan is the authority.
 */
const FORCE_NEW: Record<string, readonly string[]> = {
  azuread_group: ["mail_nickname", "types", "assignable_to_role", "behaviors", "provisioning_options"],
  azuread_group_without_members: ["mail_nickname", "types", "assignable_to_role", "behaviors", "provisioning_options"],
  azuread_directory_role_assignment: ["role_id", "principal_object_id", "directory_scope_id", "app_scope_id"],
  azuread_group_member: ["group_object_id", "member_object_id"],
  msgraph_resource_action: ["resource_url", "action", "method", "api_version"],
  msgraph_resource_collection: ["url"],
  terraform_data: ["triggers_replace"],
  azurerm_linux_virtual_machine: ["admin_username", "admin_ssh_key", "source_image_reference", "source_image_id", "zone", "plan"],
  azurerm_storage_account: ["infrastructure_encryption_enabled", "account_kind"],
  azurerm_subnet: ["virtual_network_name"],
  azurerm_network_security_rule: ["network_security_group_name"],
};
/** Blocks whose switch (present ↔ absent) forces a new object. */
const FORCE_NEW_PRESENCE: Record<string, readonly string[]> = {
  azuread_named_location: ["ip", "country"],
  azuread_conditional_access_policy: ["conditions.devices"],
};
const AZURERM_FORCE_NEW = ["name", "location", "resource_group_name"];

function forceNewReasons(type: string, before: JsonObject, after: JsonObject): string[] {
  const keys = [...(FORCE_NEW[type] ?? []), ...(type.startsWith("azurerm_") ? AZURERM_FORCE_NEW : [])];
  const out = keys.filter((k) => !jsonEqual(before[k], after[k]));
  for (const p of FORCE_NEW_PRESENCE[type] ?? []) {
    const has = (o: JsonObject) => p.split(".").reduce<unknown>((v, k) => (isObject(v) || Array.isArray(v) ? block(v)[k] : undefined), o) !== undefined;
    if (has(before) !== has(after)) out.push(p);
  }
  return out;
}

function strip(config: JsonObject): JsonObject {
  const rest = { ...config };
  delete rest["//"];
  return rest;
}

function resourcesOf(set: StackSet, stack: string): Map<string, { type: string; name: string; config: JsonObject }> {
  const out = new Map<string, { type: string; name: string; config: JsonObject }>();
  for (const [type, byName] of Object.entries(set.stacks[stack]?.json.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) out.set(`${type}.${name}`, { type, name, config: strip(config) });
  }
  return out;
}

/** The resource's name for matching a renamed address: its display name or Azure name. */
function identity(type: string, config: JsonObject): string | undefined {
  const name = config.display_name ?? config.name ?? block(config.body).displayName;
  return typeof name === "string" ? `${type} ${name}` : undefined;
}

export interface CompareOptions {
  /**
   * The object id of a tenant's emergency-access (break-glass) group, shown as "the emergency-access
   * group". Default: from the tenant file (`breakGlass.groupObjectId`); none when it cannot be read.
   */
  readonly emergencyAccessGroup?: (tenant: string) => string | undefined;
  /**
   * A tenant's file, for what the guardrails permit from the internet (WP-NET-007: the application
   * gateway's HTTPS door is not flagged). Default: `tenants/<tenant>.yaml`; without it every NSG
   * rule opened to the internet is flagged.
   */
  readonly tenantFile?: (tenant: string) => Tenant | undefined;
}

export { EMERGENCY_ACCESS_GROUP } from "./labels";

/** `tenants/<tenant>.yaml`; undefined when the file is absent or invalid. */
export function tenantFromFile(tenant: string): Tenant | undefined {
  try {
    return loadTenant(tenant);
  } catch {
    return undefined; // a diff of outputs without their tenant file still works, with raw ids and every opening flagged
  }
}

export function compare(base: StackSet, head: StackSet, opts: CompareOptions = {}): DiffResult {
  const changes: ResourceChange[] = [];
  const stacks = [...new Set([...Object.keys(base.stacks), ...Object.keys(head.stacks)])].sort();
  const files = new Map<string, Tenant | undefined>();
  const fileOf = (tenant: string) => {
    if (!files.has(tenant)) files.set(tenant, (opts.tenantFile ?? tenantFromFile)(tenant));
    return files.get(tenant);
  };
  const emergencyOf = opts.emergencyAccessGroup ?? ((tenant: string) => fileOf(tenant)?.breakGlass.groupObjectId);
  const doors = new Map<string, InternetPermitted>();
  for (const stack of stacks) {
    const tenant = tenantOf(stack);
    const breakGlass = emergencyOf(tenant);
    if (!doors.has(tenant)) {
      const file = fileOf(tenant);
      doors.set(tenant, file ? gatewayDoor(head, file) : NOTHING_PERMITTED);
    }
    const door = doors.get(tenant)!;
    const named = (set: StackSet) => (s: string) => (breakGlass && s === breakGlass ? EMERGENCY_ACCESS_GROUP : humanize(s, stack, set));
    const b = resourcesOf(base, stack);
    const h = resourcesOf(head, stack);
    const ctx = {
      stack,
      tenant,
      area: areaOf(stack) ?? ("other" as const),
      hzBefore: named(base),
      hzAfter: named(head),
      permittedFromInternet: (address: string) => (rule: JsonObject) => door(stack, address, rule),
      // what a reference in a changed resource points to, on each side (an Intune role assignment's role)
      related: { before: (a: string) => b.get(a)?.config, after: (a: string) => h.get(a)?.config },
    };
    const deleted = [...b.keys()].filter((k) => !h.has(k));
    const created = [...h.keys()].filter((k) => !b.has(k));

    // A changed construct id moves the address: terraform destroys and re-creates the object.
    const renamed = new Map<string, string>();
    for (const d of deleted) {
      const old = b.get(d)!;
      const id = identity(old.type, old.config);
      const match = id && created.find((c) => !([...renamed.values()].includes(c)) && identity(h.get(c)!.type, h.get(c)!.config) === id);
      if (match) renamed.set(d, match);
    }

    for (const address of [...new Set([...b.keys(), ...h.keys()])].sort()) {
      const before = b.get(address);
      const after = h.get(address);
      if (before && after) {
        if (jsonEqual(before.config, after.config)) continue;
        const reasons = forceNewReasons(before.type, before.config, after.config);
        const action: Action = reasons.length ? "replace" : "update";
        changes.push(
          resourceChange(ctx, address, before.type, after.name, action, before.config, after.config, reasons.length ? [`replaced: ${reasons.map((r) => `\`${r}\``).join(", ")} cannot change in place`] : []),
        );
      } else if (before && renamed.has(address)) {
        const to = renamed.get(address)!;
        const target = h.get(to)!;
        changes.push(
          resourceChange(ctx, to, before.type, target.name, "replace", before.config, target.config, [
            `address changed from \`${address}\` (the construct id changed): terraform destroys the object and creates a new one, unless a \`moved\` block maps the old address`,
          ]),
        );
      } else if (before && !renamed.has(address)) {
        changes.push(resourceChange(ctx, address, before.type, before.name, "delete", before.config, undefined, []));
      } else if (after && ![...renamed.values()].includes(address)) {
        changes.push(resourceChange(ctx, address, after.type, after.name, "create", undefined, after.config, []));
      }
    }

    changes.push(...documentChanges(ctx, base.stacks[stack]?.documents ?? {}, head.stacks[stack]?.documents ?? {}));
    const backendB = base.stacks[stack]?.json.terraform?.backend;
    const backendH = head.stacks[stack]?.json.terraform?.backend;
    if (base.stacks[stack] && head.stacks[stack] && !jsonEqual(backendB, backendH)) {
      changes.push({
        ...ctx,
        address: "backend",
        type: "backend",
        label: "state backend",
        action: "update",
        attributes: attributeChanges(backendB, backendH),
        risks: [],
        notes: ["the stack's state moves: run `terraform init -migrate-state` once, before the next plan"],
      });
    }
  }
  const suppressions = suppressionsAdded(base.guardrails, head.guardrails);
  const riskCount = changes.reduce((n, c) => n + c.risks.length, 0) + suppressions.length;
  return { changes, suppressions, riskCount };
}

interface StackContext {
  readonly stack: string;
  readonly tenant: string;
  readonly area: Area | "other";
  readonly hzBefore: (s: string) => string;
  readonly hzAfter: (s: string) => string;
  /** The NSG rules of `address` (in head) that are the door WP-NET-007 permits. */
  readonly permittedFromInternet: (address: string) => (rule: JsonObject) => boolean;
  /** Other resources of the stack by address, base and head. */
  readonly related?: RelatedResources;
}

function resourceChange(
  ctx: StackContext,
  address: string,
  type: string,
  name: string,
  action: Action,
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  notes: string[],
): ResourceChange {
  const attributes = action === "delete" ? [] : attributeChanges(before, after, { ...ctx, type });
  const common = {
    stack: ctx.stack,
    tenant: ctx.tenant,
    area: ctx.area,
    address,
    type,
    action,
    risks: risksOf(type, action, before, after, ctx.hzAfter, ctx.permittedFromInternet(address), ctx.related),
  };
  if (isTeamsApplyStep(type, after ?? before)) return { ...common, ...teamsApplyStep(action, attributes, notes) };
  const label = after ? labelOf(type, name, after, ctx.hzAfter) : labelOf(type, name, before, ctx.hzBefore);
  return { ...common, label, words: words(type, before, after, ctx), attributes, notes };
}

/**
 * The step that runs Apply-TeamsPolicies.ps1: said in words. Its asset paths and the document's
 * sha256 change with every Teams policy change (the Teams policies document shows what changed),
 * so only the other rows (group ids passed to the script) are listed.
 */
function teamsApplyStep(action: Action, all: AttributeChange[], notes: string[]): Pick<ResourceChange, "label" | "attributes" | "notes"> {
  const noise = (a: AttributeChange) => /sha256$/.test(a.path) || [a.before, a.after].every((v) => v === undefined || /^assets\//.test(v));
  const label =
    action === "delete" ? "Teams policies apply step (PowerShell)" : action === "create" ? "Teams policies are applied (PowerShell)" : "Teams policies are applied again (PowerShell)";
  const documentChanged = all.some((a) => /sha256$/.test(a.path));
  return {
    label,
    attributes: all.filter((a) => !noise(a)),
    notes: [
      ...(action === "replace" || action === "update" ? notes.filter((n) => !n.startsWith("replaced: ")) : notes),
      ...(documentChanged ? ["because the Teams policies changed (see Teams policies)"] : []),
    ],
  };
}

function words(type: string, before: JsonObject | undefined, after: JsonObject | undefined, ctx: StackContext) {
  if (type === "azuread_conditional_access_policy") {
    return {
      before: before && describeConditionalAccess(before, ctx.hzBefore),
      after: after && describeConditionalAccess(after, ctx.hzAfter),
    };
  }
  const rules = (c?: JsonObject) => (c ? nsgRules(type, c).map((r) => `\`${r.name}\`: ${describeNsgRule(r)}`) : undefined);
  if (type === "azurerm_network_security_rule" || type === "azurerm_network_security_group") {
    return { before: rules(before), after: rules(after) };
  }
  return undefined;
}

function documentChanges(ctx: StackContext, before: Record<string, unknown>, after: Record<string, unknown>): ResourceChange[] {
  const out: ResourceChange[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const b = before[key];
    const a = after[key];
    if (jsonEqual(b, a)) continue;
    const action: Action = b === undefined ? "create" : a === undefined ? "delete" : "update";
    out.push({
      ...ctx,
      address: `document ${key}`,
      type: "document",
      label: documentLabel(key),
      action,
      attributes: attributeChanges(b, a),
      risks: b !== undefined && a !== undefined ? teamsLoosenings(b, a).map((message) => ({ kind: "teams-loosened" as const, message })) : [],
      notes: [],
    });
  }
  return out;
}

/** Findings suppressed in head that were not suppressed (or not there) in base; only when both sides ran the guardrails. */
function suppressionsAdded(base?: readonly GuardrailFinding[], head?: readonly GuardrailFinding[]): SuppressionAdded[] {
  if (!base || !head) return [];
  const before = new Map(base.map((f) => [findingKey(f), f]));
  return head
    .filter((f) => f.suppressed === true && before.get(findingKey(f))?.suppressed !== true)
    .map((f) => ({
      finding: f,
      risk: {
        kind: "suppression-added" as const,
        message: `guardrail ${f.rule} suppressed on ${f.stack}${f.resource ? ` ${f.resource}` : ""}: ${f.message}${f.reason ? ` — reason: "${f.reason}"` : ""}`,
      },
    }));
}
