import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { importExisting } from "../constructs/terraform-data";
import { EntraGroup } from "../constructs/entra-group";
import { MsGraphResource } from "../constructs/msgraph/resource";
import { MsGraphResourceAction } from "../constructs/msgraph/resource-action";
import { TeamsPolicies } from "../constructs/teams/teams-policies";
import { WerkplekStack, WerkplekStackProps } from "./werkplek-stack";
import { groupLifecyclePolicy, groupUnifiedSetting } from "../policies/teams/group-settings";
import { teamsGroupAssignments, teamsPolicies } from "../policies/teams/teams-policies";
import { appAvailability } from "../policies/teams/app-policies";
import type { IdentityStack } from "./identity";

export interface CollaborationStackProps extends WerkplekStackProps {
  /** The tenant's identity stack: groups are referenced from it, not made twice. */
  readonly identity: IdentityStack;
}

/**
 * `<tenant>-collaboration`: who may create Microsoft 365 groups and Teams, how long unused groups
 * live, the Teams made by the code, and the Teams policies (applied with PowerShell on deploy).
 */
export class CollaborationStack extends WerkplekStack {
  /** Teams-enabled Microsoft 365 groups by their key under `teams.teams`. */
  readonly teams: Readonly<Record<string, EntraGroup>>;
  /** The tenant's `Group.Unified` directory setting (a singleton: adopted by import when it exists). */
  readonly groupSettings: MsGraphResource;
  /** The group expiration policy (a singleton: adopted by import when it exists). */
  readonly lifecyclePolicy: MsGraphResource;
  readonly teamsPolicies: TeamsPolicies;

  constructor(scope: Construct, props: CollaborationStackProps) {
    super(scope, "collaboration", props);
    const t = this.tenant;
    const { groups } = props.identity;
    const { groupCreation, expiration } = t.teams;

    const creators = groupCreation.allowedGroup ? groups[groupCreation.allowedGroup].objectId : "";
    this.groupSettings = new MsGraphResource(this, "group-unified-settings", {
      url: "groupSettings",
      body: groupUnifiedSetting(t.teams, creators),
      lifecycle: { preventDestroy: true },
    });
    if (groupCreation.adoptExistingSettingId) {
      importExisting(this.groupSettings, `/groupSettings/${groupCreation.adoptExistingSettingId}`);
    }

    const teams: Record<string, EntraGroup> = {};
    for (const [key, team] of Object.entries(t.teams.teams)) {
      teams[key] = new EntraGroup(this, `team-${key}`, {
        displayName: team.displayName,
        description: team.description,
        unified: true,
        team: true,
        owners: team.owners,
        dynamicRule: team.dynamicRule,
      });
    }
    for (const [key, objectId] of Object.entries(t.adopt.teams)) teams[key].adopt(objectId);
    this.teams = teams;

    this.lifecyclePolicy = new MsGraphResource(this, "group-lifecycle-policy", {
      url: "groupLifecyclePolicies",
      body: groupLifecyclePolicy(t.teams),
      lifecycle: { preventDestroy: true },
    });
    if (expiration.adoptExistingPolicyId) {
      importExisting(this.lifecyclePolicy, `/groupLifecyclePolicies/${expiration.adoptExistingPolicyId}`);
    }
    if (expiration.managedGroupTypes === "Selected") {
      for (const key of expiration.teams) {
        new MsGraphResourceAction(this, `group-lifecycle-${key}`, {
          resourceUrl: `groupLifecyclePolicies/${this.lifecyclePolicy.graphId}`,
          action: "addGroup",
          method: "POST",
          body: { groupId: teams[key].objectId },
        });
      }
    }

    this.teamsPolicies = new TeamsPolicies(this, "teams-policies", {
      tenantId: t.tenantId,
      policies: teamsPolicies(t),
      assignments: teamsGroupAssignments(t),
      apps: appAvailability(t.teams),
      groupObjectIds: Object.fromEntries(Object.entries(groups).map(([key, g]) => [key, g.objectId])),
    });
    // The drift run exports the live Teams policies with the same group ids the apply used.
    new TerraformOutput(this, "teams-group-ids", { value: this.teamsPolicies.groupIdVariables }).overrideLogicalId("teams_group_ids");
  }
}
