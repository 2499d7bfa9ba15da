/**
 * `werkplek adopt`: what a tenant already has, next to what its tenant file declares. Reads an
 * export made by scripts/export-tenant.sh and the objects the tenant's stacks synthesize (the same
 * objects a deploy creates), matches them by display name (or by the id the file already adopts),
 * and reports per area what exists and will be taken over, what will be created, and what exists
 * but is declared nowhere (the sprawl). `--write` records the matches in the tenant file's `adopt:`
 * section, so synth emits Terraform `import` blocks and the first apply updates instead of
 * duplicating.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isMap, isScalar, parseDocument } from "yaml";
import { Command, parseFlags, UsageError } from "./command";
import { docsContext } from "./docs/context";
import { INTUNE_KINDS } from "../constructs/intune-profile";
import { GROUP_UNIFIED_TEMPLATE_ID } from "../policies/teams/group-settings";
import { block, isObject, JsonObject, resourcesOf, strings, SynthesizedStack } from "../stacks/synthesized";
import { listTenantFiles, loadTenant, parseTenantFile, TenantFileError } from "../tenants/load";
import type { Tenant } from "../tenants/schema";

/** The export files adopt reads: `<dir>/<version>/<path with "/" as "_">.json` (scripts/export-tenant.sh writes them). */
export const EXPORTS = {
  groups: { version: "v1.0", path: "groups" },
  conditionalAccessPolicies: { version: "v1.0", path: "identity/conditionalAccess/policies" },
  namedLocations: { version: "v1.0", path: "identity/conditionalAccess/namedLocations" },
  compliancePolicies: { version: "beta", path: "deviceManagement/deviceCompliancePolicies" },
  deviceConfigurations: { version: "beta", path: "deviceManagement/deviceConfigurations" },
  configurationPolicies: { version: "beta", path: "deviceManagement/configurationPolicies" },
  autopilotProfiles: { version: "beta", path: "deviceManagement/windowsAutopilotDeploymentProfiles" },
  groupSettings: { version: "v1.0", path: "groupSettings" },
  groupLifecyclePolicies: { version: "v1.0", path: "groupLifecyclePolicies" },
} as const;
export type ExportKey = keyof typeof EXPORTS;

export function exportFile(dir: string, key: ExportKey): string {
  const e = EXPORTS[key];
  return path.join(dir, e.version, `${e.path.replace(/\//g, "_")}.json`);
}

/** The `adopt:` field and the kinds of object it holds. */
type Kind = "groups" | "teams" | "conditionalAccess" | "namedLocations" | "intune" | "groupSettings" | "groupLifecyclePolicy";

interface Existing {
  readonly id: string;
  readonly name: string;
  readonly raw: JsonObject;
}

interface Declared {
  readonly kind: Kind;
  readonly key: string;
  readonly name: string;
  readonly from: ExportKey;
  readonly config: JsonObject;
}

export interface AdoptMatch {
  readonly kind: Kind;
  readonly key: string;
  readonly name: string;
  readonly id: string;
  /** What the first apply changes on the existing object, in words. */
  readonly changes: string[];
  /** Changes that lower protection or replace the object. */
  readonly risks: string[];
}

export interface AdoptArea {
  readonly area: string;
  readonly matched: AdoptMatch[];
  readonly create: { readonly kind: Kind; readonly key: string; readonly name: string; readonly note?: string }[];
  readonly sprawl: { readonly id: string; readonly name: string; readonly note?: string }[];
}

export interface AdoptReport {
  readonly tenant: string;
  readonly from: string;
  readonly areas: AdoptArea[];
  readonly riskCount: number;
}

export const adoptCommand: Command = {
  name: "adopt",
  summary: "match an export of an existing tenant with the tenant file: take over, create, sprawl",
  usage: `Usage: werkplek adopt --tenant <name> --from <dir> [--json] [--write]

Reads an export of the tenant as it is (scripts/export-tenant.sh <dir>) and the objects the
tenant file declares (synthesized, as a deploy would create them), and reports per area:
objects that already exist and will be taken over (matched by display name, or by the id the
file's adopt: section already holds) with what the first apply changes on them, objects that
will be created, and objects that exist but are declared nowhere (sprawl). Changes that lower
protection (an enforced policy taken over as report-only, a group that loses members to a
dynamic rule, an object that would be replaced) are flagged.

Options:
  --tenant <name>  tenant file tenants/<name>.yaml (required)
  --from <dir>     the export folder (required)
  --json           the same report as JSON
  --write          record the matches in the tenant file's adopt: section (comments kept);
                   synth then imports those objects instead of creating them
  -h, --help       show this help

Exit codes: 0 report written, 2 unknown tenant, missing or malformed export file, or bad flag.`,
  async run(argv, io) {
    const { values } = parseFlags("adopt", argv, { tenant: { type: "string" }, from: { type: "string" }, json: { type: "boolean" }, write: { type: "boolean" } });
    if (!values.tenant) throw new UsageError("adopt: --tenant <name> is required");
    if (!values.from) throw new UsageError("adopt: --from <dir> is required (the folder scripts/export-tenant.sh wrote)");
    const tenant = loadTenant(values.tenant);
    const existing = readExport(values.from);
    const report = adoptReport(tenant, existing, declaredObjects(tenant), values.from);
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderReport(report));
    if (values.write) {
      const file = writeAdoptions(tenant.name, report);
      io.err(`werkplek adopt: recorded ${report.areas.reduce((n, a) => n + a.matched.length, 0)} match(es) in ${file}; synth now imports them\n`);
    }
    return 0;
  },
};

/** Reads every export file; a missing or malformed one is a UsageError naming it. */
export function readExport(dir: string): Record<ExportKey, Existing[]> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`adopt: --from ${dir}: no such folder; make the export with scripts/export-tenant.sh ${dir}`);
  const out = {} as Record<ExportKey, Existing[]>;
  for (const key of Object.keys(EXPORTS) as ExportKey[]) {
    const file = exportFile(dir, key);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : `not valid JSON (${(e as Error).message})`;
      throw new UsageError(`adopt: ${file}: ${why}; scripts/export-tenant.sh writes every file adopt reads`);
    }
    if (!isObject(json) || !Array.isArray(json.value)) throw new UsageError(`adopt: ${file}: expected a Graph list response {"value": [...]}`);
    out[key] = json.value.map((item: unknown, i: number) => {
      const name = isObject(item) ? (item.displayName ?? item.name) : undefined;
      if (!isObject(item) || typeof item.id !== "string" || (typeof name !== "string" && key !== "groupSettings" && key !== "groupLifecyclePolicies")) {
        throw new UsageError(`adopt: ${file}: value[${i}] needs an "id" and a "displayName" (or "name") string`);
      }
      return { id: item.id, name: typeof name === "string" ? name : "", raw: item };
    });
  }
  return out;
}

/** The objects the tenant's stacks synthesize, keyed as the tenant file's adopt: section keys them. */
export function declaredObjects(tenant: Tenant): Declared[] {
  const { synthesized } = docsContext(tenant);
  const out: Declared[] = [];
  const byPath = (stack: SynthesizedStack, type: string, pattern: RegExp, kind: Kind, from: ExportKey, name: (body: JsonObject) => unknown) => {
    for (const r of resourcesOf(stack, type)) {
      const m = pattern.exec(r.path ?? "");
      if (m) out.push({ kind, key: m[1], name: String(name(r.body) ?? ""), from, config: r.body });
    }
  };
  byPath(synthesized.identity, "azuread_group", /^group-([a-z0-9-]+)\/Resource$/, "groups", "groups", (b) => b.display_name);
  byPath(synthesized.collaboration, "azuread_group", /^team-([a-z0-9-]+)\/Resource$/, "teams", "groups", (b) => b.display_name);
  byPath(synthesized["conditional-access"], "azuread_conditional_access_policy", /^(CA\d{3})\/Resource$/, "conditionalAccess", "conditionalAccessPolicies", (b) => b.display_name);
  byPath(synthesized.identity, "azuread_named_location", /^location-(allowed-countries|trusted-office)$/, "namedLocations", "namedLocations", (b) => b.display_name);
  const fromUrl: Record<string, ExportKey> = {
    [INTUNE_KINDS.compliancePolicy.url]: "compliancePolicies",
    [INTUNE_KINDS.deviceConfiguration.url]: "deviceConfigurations",
    [INTUNE_KINDS.configurationPolicy.url]: "configurationPolicies",
    [INTUNE_KINDS.autopilotProfile.url]: "autopilotProfiles",
  };
  for (const r of resourcesOf(synthesized.devices, "msgraph_resource")) {
    const m = /^([a-z0-9-]+)\/Resource$/.exec(r.path ?? "");
    const from = fromUrl[String(r.body.url)];
    if (m && from) out.push({ kind: "intune", key: m[1], name: String(block(r.body.body).displayName ?? block(r.body.body).name ?? ""), from, config: block(r.body.body) });
  }
  return out.map((d) => (d.kind === "namedLocations" ? { ...d, key: d.key === "allowed-countries" ? "allowedCountries" : "trustedOffice" } : d));
}

const AREA_OF: Record<Kind, string> = {
  groups: "Groups",
  teams: "Groups",
  groupSettings: "Groups",
  groupLifecyclePolicy: "Groups",
  conditionalAccess: "Conditional access",
  namedLocations: "Conditional access",
  intune: "Devices (Intune)",
};
const AREAS = ["Groups", "Conditional access", "Devices (Intune)"];

/** The report: matches with their changes and risks, what will be created, and the sprawl. */
export function adoptReport(tenant: Tenant, existing: Record<ExportKey, Existing[]>, declared: readonly Declared[], from: string): AdoptReport {
  const areas = new Map(AREAS.map((a) => [a, { area: a, matched: [], create: [], sprawl: [] } as { area: string; matched: AdoptMatch[]; create: AdoptArea["create"][number][]; sprawl: AdoptArea["sprawl"][number][] }]));
  const used = new Set<string>();
  const adopted = (kind: Kind, key: string): string | undefined => (tenant.adopt as unknown as Record<string, Record<string, string | undefined>>)[kind]?.[key];

  for (const d of declared) {
    const area = areas.get(AREA_OF[d.kind])!;
    const pool = existing[d.from];
    const mappedId = adopted(d.kind, d.key);
    const candidates = mappedId ? pool.filter((e) => e.id.toLowerCase() === mappedId.toLowerCase()) : pool.filter((e) => e.name.trim().toLowerCase() === d.name.trim().toLowerCase());
    if (mappedId && candidates.length === 0) {
      area.create.push({ kind: d.kind, key: d.key, name: d.name, note: `adopt.${d.kind}.${d.key} names ${mappedId}, which the export does not have: the import would fail` });
      continue;
    }
    if (candidates.length > 1) {
      area.create.push({ kind: d.kind, key: d.key, name: d.name, note: `${candidates.length} existing objects are named "${d.name}" (${candidates.map((c) => c.id).join(", ")}): choose one under adopt.${d.kind}.${d.key}` });
      candidates.forEach((c) => used.add(c.id));
      continue;
    }
    if (candidates.length === 0) {
      area.create.push({ kind: d.kind, key: d.key, name: d.name });
      continue;
    }
    const e = candidates[0];
    used.add(e.id);
    area.matched.push({ kind: d.kind, key: d.key, name: d.name, id: e.id, ...changesOf(d, e) });
  }

  // the Group.Unified directory setting and the lifecycle policy are tenant singletons
  const groupsArea = areas.get("Groups")!;
  const unified = existing.groupSettings.filter((s) => s.raw.templateId === GROUP_UNIFIED_TEMPLATE_ID);
  if (unified.length === 1 && !tenant.teams.groupCreation.adoptExistingSettingId) {
    groupsArea.matched.push({ kind: "groupSettings", key: "Group.Unified", name: "Microsoft 365 group settings", id: unified[0].id, changes: ["group creation, guests and naming become the tenant file's teams.groupCreation"], risks: [] });
  }
  if (existing.groupLifecyclePolicies.length === 1 && !tenant.teams.expiration.adoptExistingPolicyId) {
    groupsArea.matched.push({ kind: "groupLifecyclePolicy", key: "lifecycle", name: "group expiration policy", id: existing.groupLifecyclePolicies[0].id, changes: ["expiry becomes the tenant file's teams.expiration"], risks: [] });
  }

  const sprawlOf = (key: ExportKey, area: string, note: (e: Existing) => string | undefined = () => undefined, skip: (e: Existing) => boolean = () => false) => {
    for (const e of existing[key]) if (!used.has(e.id) && !skip(e)) areas.get(area)!.sprawl.push({ id: e.id, name: e.name, note: note(e) });
  };
  sprawlOf(
    "groups",
    "Groups",
    (e) => (strings(e.raw.resourceProvisioningOptions).includes("Team") ? "Team" : strings(e.raw.groupTypes).includes("Unified") ? "Microsoft 365 group" : undefined),
    (e) => e.id.toLowerCase() === tenant.breakGlass.groupObjectId.toLowerCase(),
  );
  sprawlOf("conditionalAccessPolicies", "Conditional access", (e) => (typeof e.raw.state === "string" ? e.raw.state : undefined));
  sprawlOf("namedLocations", "Conditional access");
  for (const key of ["compliancePolicies", "deviceConfigurations", "configurationPolicies", "autopilotProfiles"] as const) sprawlOf(key, "Devices (Intune)");

  const list = [...areas.values()].map((a) => ({ ...a, sprawl: [...a.sprawl].sort((x, y) => x.name.localeCompare(y.name)) }));
  return { tenant: tenant.name, from, areas: list, riskCount: list.reduce((n, a) => n + a.matched.reduce((m, x) => m + x.risks.length, 0), 0) };
}

const ENFORCED_RANK: Record<string, number> = { disabled: 0, enabledForReportingButNotEnforced: 1, enabled: 2 };

/** What the first apply changes on an adopted object, and which of it lowers protection. */
function changesOf(d: Declared, e: Existing): { changes: string[]; risks: string[] } {
  const changes: string[] = [];
  const risks: string[] = [];
  const c = d.config;
  const x = e.raw;
  if (d.name !== e.name) changes.push(`display name "${e.name}" → "${d.name}"`);
  switch (d.kind) {
    case "groups":
    case "teams": {
      const rule = block(c.dynamic_membership).rule as string | undefined;
      const had = typeof x.membershipRule === "string" && x.membershipRule ? x.membershipRule : undefined;
      if (rule && !had) risks.push(`membership becomes dynamic (${rule}): current members who do not match the rule are removed`);
      else if (rule && had && rule !== had) risks.push(`membership rule ${had} → ${rule}: members who do not match the new rule are removed`);
      else if (!rule && had) changes.push(`membership becomes assigned (was dynamic: ${had}); the current members stay`);
      const unified = strings(c.types).includes("Unified");
      if (unified !== strings(x.groupTypes).includes("Unified")) {
        risks.push(`the group is ${unified ? "a Microsoft 365 group" : "a security group"} in the code but not in the tenant: terraform replaces it (a new object; members, mailbox and files are not carried over)`);
      }
      if (c.assignable_to_role === true && x.isAssignableToRole !== true) risks.push("role-assignable in the code, not in the tenant: terraform replaces the group (role-assignability cannot be changed)");
      if (typeof c.description === "string" && (x.description ?? "") !== c.description) changes.push("description set from the tenant file");
      break;
    }
    case "conditionalAccess": {
      const want = String(c.state);
      const have = String(x.state);
      if (want !== have) (ENFORCED_RANK[want] < ENFORCED_RANK[have] ? risks : changes).push(`state ${have} → ${want}${ENFORCED_RANK[want] < ENFORCED_RANK[have] ? ": enforcement lowered until the policy is promoted in the tenant file" : ""}`);
      changes.push(`conditions and controls become ${d.key}'s (the break-glass group excluded)`);
      break;
    }
    case "namedLocations": {
      const wantCountries = strings(block(c.country).countries_and_regions).sort();
      const haveCountries = strings(x.countriesAndRegions).sort();
      if (wantCountries.length && wantCountries.join() !== haveCountries.join()) changes.push(`countries ${haveCountries.join(", ") || "(none)"} → ${wantCountries.join(", ")}`);
      const wantRanges = strings(block(c.ip).ip_ranges).sort();
      const haveRanges = (Array.isArray(x.ipRanges) ? x.ipRanges : []).map((r: JsonObject) => String(r.cidrAddress)).sort();
      if (wantRanges.length && wantRanges.join() !== haveRanges.join()) changes.push(`IP ranges ${haveRanges.join(", ") || "(none)"} → ${wantRanges.join(", ")}`);
      break;
    }
    case "intune": {
      const want = c["@odata.type"];
      if (typeof want === "string" && typeof x["@odata.type"] === "string" && want.replace(/^#/, "") !== String(x["@odata.type"]).replace(/^#/, "")) {
        risks.push(`a different kind of profile (${x["@odata.type"]}, the code has ${want}): Graph cannot change it; adopt another or let werkplek create its own`);
      }
      changes.push("settings and assignments become the declared profile's");
      break;
    }
  }
  return { changes, risks };
}

export function renderReport(r: AdoptReport): string {
  let out = `werkplek adopt: ${r.tenant} against the export in ${r.from}\n`;
  out += r.riskCount ? `${r.riskCount} change(s) lower protection or replace an object: marked ⚠ below; review them before the first apply\n` : "no change lowers protection\n";
  for (const a of r.areas) {
    out += `\n## ${a.area}\n`;
    out += `\nAlready there, taken over on the first apply (${a.matched.length}):\n`;
    for (const m of a.matched) {
      out += `- ${m.kind}.${m.key} "${m.name}" ← ${m.id}\n`;
      for (const risk of m.risks) out += `    ⚠ ${risk}\n`;
      for (const change of m.changes) out += `    · ${change}\n`;
    }
    out += `\nTo be created (${a.create.length}):\n`;
    for (const c of a.create) out += `- ${c.kind}.${c.key} "${c.name}"${c.note ? `: ${c.note}` : ""}\n`;
    out += `\nThere, but declared nowhere (${a.sprawl.length}):\n`;
    for (const s of a.sprawl) out += `- ${s.id} "${s.name}"${s.note ? ` (${s.note})` : ""}\n`;
  }
  return out;
}

/** Records every match in the tenant file (comments kept); returns the file written. */
export function writeAdoptions(tenantName: string, report: AdoptReport): string {
  const file = listTenantFiles().find((f) => path.basename(f).replace(/\.ya?ml$/, "") === tenantName)!;
  const doc = parseDocument(fs.readFileSync(file, "utf8"));
  const hadSection = doc.has("adopt");
  for (const m of report.areas.flatMap((a) => a.matched)) {
    if (m.kind === "groupSettings") doc.setIn(["teams", "groupCreation", "adoptExistingSettingId"], m.id);
    else if (m.kind === "groupLifecyclePolicy") doc.setIn(["teams", "expiration", "adoptExistingPolicyId"], m.id);
    else doc.setIn(["adopt", m.kind, m.key], m.id);
  }
  const section = isMap(doc.contents) ? doc.contents.items.find((i) => isScalar(i.key) && i.key.value === "adopt") : undefined;
  if (!hadSection && section && isScalar(section.key)) {
    section.key.commentBefore = ` Existing objects werkplek takes over (Terraform import) instead of creating them again;\n written by 'werkplek adopt --write' (docs/onboarding.md).`;
  }
  // check the result as the loader will read it before the file is replaced
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-adopt-"));
  try {
    const tmp = path.join(dir, path.basename(file));
    fs.writeFileSync(tmp, doc.toString({ lineWidth: 0 }));
    const result = parseTenantFile(tmp);
    if ("problems" in result) throw new TenantFileError(result.problems);
    fs.copyFileSync(tmp, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return path.relative(process.cwd(), file) || file;
}
