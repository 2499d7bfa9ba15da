/**
 * Teams policies are not Terraform resources (they are set with MicrosoftTeams PowerShell), so
 * the collaboration stack writes them as a JSON document `teams-policies.json` somewhere under
 * `cdktf.out/stacks/<tenant>-collaboration/`. The guardrails read it here; the drift comparer
 * (constructs/teams/compare.ts) reads the same document for `werkplek drift --teams`.
 *
 * Shape (constructs/teams/document.ts; each entry one `Set-Cs*` call):
 *
 *     { "policies": [
 *       { "policyType": "TeamsMeetingPolicy", "identity": "Global",
 *         "cmdlets": { "get": "Get-CsTeamsMeetingPolicy", "new": "...", "set": "Set-CsTeamsMeetingPolicy" },
 *         "parameters": { "AllowAnonymousUsersToStartMeeting": false } } ] }
 *
 * A plain `cmdlet` or `type` (`CsTeamsMeetingPolicy`) is read too; `identity` may carry a `Tag:`
 * prefix. A top-level array of entries is accepted too.
 */
import * as path from "path";
import type { Outcome, RuleContext } from "./rule";
import type { Json, SynthesizedStack } from "../stacks/synthesized";

export interface TeamsPolicy {
  /** The settings object, without verb: `CsTeamsMeetingPolicy`, `CsTenantFederationConfiguration`, ... */
  readonly kind: string;
  /** `Global` or the policy name (a `Tag:` prefix removed). */
  readonly identity: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Where it came from, for findings: `<file>#<index>`. */
  readonly source: string;
}

export const TEAMS_POLICIES_FILE = "teams-policies.json";

/** The Teams policies of the collaboration stack; undefined when it has no teams-policies.json. */
export function readTeamsPolicies(stacks: readonly SynthesizedStack[]): TeamsPolicy[] | undefined {
  const stack = stacks.find((s) => s.area === "collaboration");
  if (!stack) return undefined;
  const files = Object.keys(stack.documents).filter((f) => path.posix.basename(f) === TEAMS_POLICIES_FILE);
  if (files.length === 0) return undefined;
  const policies: TeamsPolicy[] = [];
  for (const file of files) {
    const doc: Json = stack.documents[file];
    const entries: Json[] = Array.isArray(doc) ? doc : Array.isArray(doc?.policies) ? doc.policies : [];
    entries.forEach((e, i) => {
      // the collaboration stack writes { policyType, identity, cmdlets: { get, new, set }, parameters }
      const kind = String(e?.cmdlets?.set ?? e?.cmdlet ?? e?.type ?? "").replace(/^(Set|New|Grant)-/, "");
      const identity = String(e?.identity ?? e?.parameters?.Identity ?? "Global").replace(/^Tag:/, "");
      const parameters = e?.parameters && typeof e.parameters === "object" ? e.parameters : {};
      if (kind) policies.push({ kind, identity, parameters, source: `${file}#${i}` });
    });
  }
  return policies;
}

/** Teams policies of one kind (`CsTeamsMeetingPolicy`), with the stack they belong to; [] when none. */
export function teamsPoliciesOf(ctx: RuleContext, kind: string, identity?: string): { stack: string; policy: TeamsPolicy }[] {
  const stack = ctx.stacks.find((s) => s.area === "collaboration")?.name ?? "";
  return (ctx.teamsPolicies() ?? [])
    .filter((p) => p.kind.toLowerCase() === kind.toLowerCase() && (identity === undefined || p.identity === identity))
    .map((policy) => ({ stack, policy }));
}

/** A parameter's value, or Microsoft's default when the document does not set it. */
export function param(p: TeamsPolicy, name: string, microsoftDefault: unknown): unknown {
  const key = Object.keys(p.parameters).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? microsoftDefault : p.parameters[key];
}

/** Outcome for one Teams policy; resource is `<kind>:<identity>`. */
export function teamsVerdict(stack: string, p: TeamsPolicy, problems: (string | false | undefined)[]): Outcome {
  const found = problems.filter((x): x is string => typeof x === "string" && x.length > 0);
  const resource = `${p.kind}:${p.identity}`;
  return found.length ? { stack, resource, ok: false, message: `${resource}: ${found.join("; ")}` } : { stack, resource, ok: true };
}

/** The `apps` section of the collaboration stack's Teams document (app-centric management). */
export interface TeamsAppsDeclaration {
  readonly stack: string;
  readonly source: string;
  /** Undefined when the document does not manage app availability. */
  readonly tenantSettings?: Readonly<Record<string, unknown>>;
}

/** One entry per Teams document of the collaboration stack; [] when it has none. */
export function readTeamsApps(stacks: readonly SynthesizedStack[]): TeamsAppsDeclaration[] {
  const stack = stacks.find((s) => s.area === "collaboration");
  if (!stack) return [];
  return Object.keys(stack.documents)
    .filter((f) => path.posix.basename(f) === TEAMS_POLICIES_FILE)
    .map((source) => {
      const apps: Json = stack.documents[source]?.apps;
      const settings = apps?.tenantSettings;
      return { stack: stack.name, source, tenantSettings: settings && typeof settings === "object" ? settings : undefined };
    });
}
