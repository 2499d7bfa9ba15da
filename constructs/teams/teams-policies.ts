import * as fs from "fs";
import * as path from "path";
import { App, AssetType, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import type { TeamsAppAvailability, TeamsGroupAssignment, TeamsPolicy } from "./policy";
import { TerraformData } from "../terraform-data";
import { buildTeamsDocument, canonicalJson, documentSha256, groupIdVariable, TEAMS_DOCUMENT_FILE, TeamsPoliciesDocument } from "./document";

/** The generic apply script, shipped next to the document as an asset of the stack. */
export const APPLY_SCRIPT = path.join(__dirname, "..", "..", "scripts", "teams", "Apply-TeamsPolicies.ps1");

/** The apply step's environment variable holding the desired document's path (relative to the stack folder). */
export const DOCUMENT_PATH_VARIABLE = "werkplek_teams_policies";

export interface TeamsPoliciesProps {
  /** Entra tenant id, passed to the script for certificate sign-in. */
  readonly tenantId: string;
  /** The policies to apply, with exactly the parameters to set. */
  readonly policies: readonly TeamsPolicy[];
  /** Custom policies assigned to groups. @default - none */
  readonly assignments?: readonly TeamsGroupAssignment[];
  /** Which Teams apps users may use (app-centric management). @default - not managed */
  readonly apps?: TeamsAppAvailability;
  /** Object ids of the tenant's groups by key (cross-stack references are fine). */
  readonly groupObjectIds: Readonly<Record<string, string>>;
}

/**
 * Applies Teams policies, which have no Graph or Terraform API, through PowerShell on deploy:
 * writes the desired state as `teams-policies.json` into the stack folder (an asset), and a
 * `terraform_data` whose `triggers_replace` holds the document's SHA-256, so terraform re-runs
 * `scripts/teams/Apply-TeamsPolicies.ps1` exactly when a Teams setting (or an assigned group's
 * object id) changes. The script signs in from the environment; no credential passes through here.
 */
export class TeamsPolicies extends Construct {
  readonly document: TeamsPoliciesDocument;
  /** SHA-256 (hex) of the document text. */
  readonly sha256: string;
  readonly documentAsset: TerraformAsset;
  readonly scriptAsset: TerraformAsset;
  readonly apply: TerraformData;
  /** Environment variable → object id of each group with an assigned policy, as the scripts read them. */
  readonly groupIdVariables: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: TeamsPoliciesProps) {
    super(scope, id);
    const assignments = props.assignments ?? [];
    this.document = buildTeamsDocument(props.policies, assignments, Object.keys(props.groupObjectIds), props.apps);
    const text = canonicalJson(this.document);
    this.sha256 = documentSha256(this.document);

    this.documentAsset = new TerraformAsset(this, "document", { path: stageDocument(App.of(this).outdir, text, this.sha256), type: AssetType.FILE });
    this.scriptAsset = new TerraformAsset(this, "script", { path: APPLY_SCRIPT, type: AssetType.FILE });

    const assignedGroups = [...new Set(assignments.map((a) => a.group))].sort();
    const groupIds = Object.fromEntries(assignedGroups.map((g) => [groupIdVariable(g), props.groupObjectIds[g]]));
    this.groupIdVariables = groupIds;
    this.apply = new TerraformData(this, "apply", {
      triggersReplace: { teams_policies_sha256: this.sha256, ...groupIds },
      provisioners: [
        {
          type: "local-exec",
          interpreter: ["pwsh", "-NoProfile", "-NonInteractive", "-File"],
          command: this.scriptAsset.path,
          // lowercase names: cdktf 0.21 keeps `environment` keys as written, older versions snake_case them
          environment: {
            [DOCUMENT_PATH_VARIABLE]: this.documentAsset.path,
            werkplek_tenant_id: props.tenantId,
            ...groupIds,
          },
        },
      ],
    });
  }
}

/**
 * TerraformAsset copies a file that exists at synth time; the document is written once per content
 * hash to a staging folder inside the app's output folder (not shared with other users or runs),
 * so the asset path (and the synthesized JSON) stays deterministic.
 */
function stageDocument(outdir: string, text: string, sha256: string): string {
  const file = path.join(path.resolve(outdir), ".staging", "teams", sha256, TEAMS_DOCUMENT_FILE);
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return file;
}
