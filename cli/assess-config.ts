/**
 * `werkplek assess-config`: the configuration files that let a live assessment after deploy
 * (CISA ScubaGear, Maester) judge the tenant by the decisions the code made: which group and
 * accounts every conditional access policy excludes (break-glass), which guest types the device
 * policies leave out, which policies are still report-only in the staged rollout, and which
 * baseline controls the tenant file waives with a reason. Everything is read from the objects
 * `npm run synth` writes (the conditional access stack and its synthesized JSON) and the tenant
 * file, never from a second description. Formats: facts/assessment-tools.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { Document } from "yaml";
import { Command, parseFlags, UsageError } from "./command";
import { docsContext, DocsContext } from "./docs/context";
import { SCUBA_CAP_EXCLUSION_POLICIES, SCUBA_ORG_DOMAIN, SCUBA_POLICY_IDS, SCUBA_PRODUCTS } from "../facts/assessment-tools";
import { CONDITIONAL_ACCESS_POLICIES } from "../facts/conditional-access-policies";
import { readCaPolicy } from "../guardrails/ca-policy";
import { ruleById } from "../guardrails/registry";
import { isExpression, resourcesOf } from "../stacks/synthesized";
import { loadTenant } from "../tenants/load";

const NAME = "assess-config";
export const SCUBAGEAR_FILE = "scubagear.yaml";
export const MAESTER_FILE = "maester-config.json";

/** `CapExclusions` of one ScubaGear policy (ScubaConfigSchema.json definitions.exclusionTypes.CapExclusions). */
export interface CapExclusions {
  Users?: string[];
  Groups?: string[];
  Applications?: string[];
  GuestUserTypes?: string[];
}

export interface ScubaGearConfig {
  Description: string;
  OrgName: string;
  ProductNames: string[];
  M365Environment: "commercial";
  /** The tenant domain for ScubaGear's service-principal sign-in; left out when ScubaGear's pattern refuses it. */
  Organization?: string;
  Aad: Record<string, { CapExclusions: CapExclusions }>;
  AnnotatePolicy?: Record<string, { Comment: string; RemediationDate?: string }>;
}

export interface MaesterConfig {
  GlobalSettings: { EmergencyAccessAccounts: { Id: string; Type: "User" | "Group" }[] };
}

export interface AssessmentConfig {
  readonly scubagear: ScubaGearConfig;
  readonly maester: MaesterConfig;
  /** Exclusions whose object id is known only after deploy (a Terraform reference), per policy. */
  readonly unresolved: readonly string[];
}

/** One synthesized conditional access policy with the baseline controls its definition names. */
interface AssessedPolicy {
  readonly id: string;
  readonly displayName: string;
  readonly state: string;
  readonly controls: readonly string[];
  readonly excludedGroups: string[];
  readonly excludedUsers: string[];
  readonly excludedApplications: string[];
  readonly excludedGuestTypes: string[];
}

function assessedPolicies(ctx: DocsContext): AssessedPolicy[] {
  const synthesized = resourcesOf(ctx.synthesized["conditional-access"], "azuread_conditional_access_policy").map(readCaPolicy);
  return ctx.stacks.conditionalAccess.policies.map((construct) => {
    const p = synthesized.find((s) => s.displayName === construct.spec.displayName);
    if (!p) throw new Error(`conditional access policy "${construct.spec.displayName}" is not in the synthesized ${ctx.tenant.name}-conditional-access stack`);
    return {
      id: construct.spec.id,
      displayName: p.displayName,
      state: p.state,
      controls: construct.spec.controls,
      excludedGroups: p.excludedGroups,
      excludedUsers: p.excludedUsers,
      excludedApplications: p.excludedApplications,
      excludedGuestTypes: p.excludedGuestTypes,
    };
  });
}

/** Both configurations for one tenant, from its synthesized stacks. */
export function assessmentConfig(ctx: DocsContext): AssessmentConfig {
  const t = ctx.tenant;
  const policies = assessedPolicies(ctx);
  const unresolved: string[] = [];
  const known = (ids: string[], what: string, policy: AssessedPolicy) =>
    ids.filter((id) => {
      if (!isExpression(id)) return true;
      unresolved.push(`${policy.id}: excluded ${what} ${id}`);
      return false;
    });

  const aad: ScubaGearConfig["Aad"] = {};
  for (const scubaId of SCUBA_CAP_EXCLUSION_POLICIES) {
    const control = scubaId.replace(/v\d+$/, "");
    const implementing = policies.filter((p) => p.controls.includes(control));
    if (implementing.length === 0) continue;
    // ScubaGear accepts a policy only when every exclusion it has is declared for the control.
    const exclusions: CapExclusions = {
      Users: unique([...t.breakGlass.accountObjectIds, ...implementing.flatMap((p) => known(p.excludedUsers, "user", p))]),
      Groups: unique([t.breakGlass.groupObjectId, ...implementing.flatMap((p) => known(p.excludedGroups, "group", p))]),
      // ScubaGear takes no Applications for MS.AAD.3.8v1 (a user action, not apps; configuration.md).
      Applications: scubaId === "MS.AAD.3.8v1" ? [] : unique(implementing.flatMap((p) => known(p.excludedApplications, "application", p))),
      GuestUserTypes: unique(implementing.flatMap((p) => p.excludedGuestTypes)),
    };
    aad[scubaId] = { CapExclusions: withoutEmpty(exclusions) };
  }

  const annotations = new Map<string, { comments: string[]; date?: string }>();
  const annotate = (control: string, comment: string, date?: string) => {
    const id = SCUBA_POLICY_IDS[control];
    if (!id) return;
    const a = annotations.get(id) ?? { comments: [] };
    a.comments.push(comment);
    if (date && (!a.date || date < a.date)) a.date = date;
    annotations.set(id, a);
  };
  const file = `tenants/${t.name}.yaml`;
  // Controls only a report-only or disabled policy implements: failing until the rollout promotes it.
  const controls = unique(policies.flatMap((p) => p.controls.filter((c) => c.startsWith("MS."))));
  for (const control of controls) {
    const implementing = policies.filter((p) => p.controls.includes(control));
    if (implementing.some((p) => p.state === "enabled")) continue;
    for (const p of implementing) {
      const how = p.state === "enabledForReportingButNotEnforced" ? "runs report-only" : `is ${p.state}`;
      const reason = t.conditionalAccess.policies[p.id as keyof typeof CONDITIONAL_ACCESS_POLICIES]?.reason;
      annotate(control, `${p.displayName} ${how} in the staged rollout (${file}, conditionalAccess.policies.${p.id})${reason ? `: ${reason}` : ""}; ScubaGear counts only enabled policies.`);
    }
  }
  if (!t.conditionalAccess.riskPolicies) {
    for (const control of ["MS.AAD.2.1", "MS.AAD.2.3"]) {
      annotate(control, `No risk policies: the tenant has no Entra ID P2 (${file}, conditionalAccess.riskPolicies: false).`);
    }
  } else if (t.conditionalAccess.highUserRisk.action === "passwordChange") {
    annotate("MS.AAD.2.1", `High user risk asks a secure password change (CA012) instead of a block: ${t.conditionalAccess.highUserRisk.reason} (${file}, conditionalAccess.highUserRisk).`);
  }
  for (const s of t.guardrails.suppressions) {
    for (const control of ruleById(s.rule)?.controls ?? []) {
      annotate(control, `werkplek guardrail ${s.rule} is waived${s.resource ? ` for ${s.resource}` : ""}: ${s.reason} (${file}, guardrails.suppressions).`, s.expires);
    }
  }

  const order = Object.values(SCUBA_POLICY_IDS);
  const annotatePolicy = Object.fromEntries(
    [...annotations.entries()]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([id, a]) => [id, { Comment: a.comments.join(" "), ...(a.date ? { RemediationDate: a.date } : {}) }]),
  );

  const scubagear: ScubaGearConfig = {
    Description: `ScubaGear configuration for ${t.displayName}, written by werkplek assess-config from ${file} and its synthesized stacks. Do not edit: run the command again after a change.`,
    OrgName: t.displayName,
    ProductNames: [...SCUBA_PRODUCTS],
    M365Environment: "commercial",
    ...organization([...t.passwords.otherDomains.filter((d) => d.endsWith(".onmicrosoft.com")), t.primaryDomain]),
    Aad: aad,
    ...(annotations.size ? { AnnotatePolicy: annotatePolicy } : {}),
  };
  const maester: MaesterConfig = {
    GlobalSettings: {
      EmergencyAccessAccounts: [
        { Id: t.breakGlass.groupObjectId, Type: "Group" },
        ...t.breakGlass.accountObjectIds.map((id) => ({ Id: id, Type: "User" as const })),
      ],
    },
  };
  return { scubagear, maester, unresolved };
}

/** The ScubaGear file: YAML with a header saying where it comes from and how to run it. */
export function scubaGearYaml(config: ScubaGearConfig, tenant: string): string {
  const doc = new Document(config);
  doc.commentBefore = [
    ` ScubaGear configuration for ${tenant}, generated by \`werkplek assess-config --tenant ${tenant}\`.`,
    " Run after deploy:  Invoke-SCuBA -ConfigFilePath scubagear.yaml",
    " Aad: the conditional access exclusions werkplek makes on purpose (break-glass group and accounts,",
    " guest types the device and passkey policies leave out), per ScubaGear policy id.",
    " AnnotatePolicy: why a control is expected to fail (staged rollout, no Entra ID P2, a waiver).",
    " Format: cisagov/ScubaGear docs/configuration/configuration.md.",
  ].join("\n");
  return doc.toString({ lineWidth: 0 });
}

export const assessConfigCommand: Command = {
  name: NAME,
  summary: "write ScubaGear and Maester configuration files for a live assessment of a tenant",
  usage: `Usage: werkplek assess-config --tenant <name> --out <dir>

Writes, from the tenant file and the stacks it synthesizes, the configuration a live assessment
after deploy needs to judge the tenant by the decisions the code made:
  ${SCUBAGEAR_FILE}     CISA ScubaGear (Invoke-SCuBA -ConfigFilePath ${SCUBAGEAR_FILE}): products aad
                      and teams, the break-glass group and accounts and the guest types each
                      conditional access policy excludes, as CapExclusions per policy id, and
                      annotations for controls expected to fail (report-only rollout, no P2, waivers)
  ${MAESTER_FILE}  Maester (copy to ./tests/Custom/${MAESTER_FILE}): the emergency access group
                      and accounts
Output is deterministic. Nothing is sent to the tenant.

Options:
  --tenant <name>  tenant file tenants/<name>.yaml (required)
  --out <dir>      folder to write the files to (required; created if missing)
  -h, --help       show this help

Exit codes: 0 written, 1 an exclusion's object id is known only after deploy (files written,
the exclusions listed), 2 unknown tenant or bad flag.`,
  async run(argv, io) {
    const { values } = parseFlags(NAME, argv, { tenant: { type: "string" }, out: { type: "string" } });
    if (!values.tenant) throw new UsageError(`${NAME}: --tenant <name> is required`);
    if (!values.out) throw new UsageError(`${NAME}: --out <dir> is required`);
    const tenant = loadTenant(values.tenant);
    const config = assessmentConfig(docsContext(tenant));
    try {
      fs.mkdirSync(values.out, { recursive: true });
      fs.writeFileSync(path.join(values.out, SCUBAGEAR_FILE), scubaGearYaml(config.scubagear, tenant.name));
      fs.writeFileSync(path.join(values.out, MAESTER_FILE), JSON.stringify(config.maester, null, 2) + "\n");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code === "EEXIST" || code === "ENOTDIR" ? "it is (inside) a file, not a folder" : (e as Error).message;
      throw new UsageError(`${NAME}: --out "${values.out}" cannot be written: ${reason}; give a folder (it is created if missing)`);
    }
    io.out(`werkplek ${NAME}: wrote ${SCUBAGEAR_FILE} and ${MAESTER_FILE} for ${tenant.name} to ${values.out}\n`);
    if (config.unresolved.length) {
      io.err(
        `werkplek ${NAME}: these exclusions are Terraform references whose object ids exist only after deploy; ` +
          `add them to ${SCUBAGEAR_FILE} by hand or exclude by a group made outside the code:\n${config.unresolved.map((u) => `  ${u}`).join("\n")}\n`,
      );
      return 1;
    }
    return 0;
  },
};

/** The first domain ScubaGear's `Organization` pattern accepts (the initial domain first). */
function organization(domains: readonly string[]): { Organization?: string } {
  const domain = domains.find((d) => SCUBA_ORG_DOMAIN.test(d));
  return domain ? { Organization: domain } : {};
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function withoutEmpty(e: CapExclusions): CapExclusions {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => Array.isArray(v) && v.length > 0)) as CapExclusions;
}
