import { Construct } from "constructs";
import { ConfigurationError } from "./errors";
import type { DeviceAndAppManagementAssignmentTarget } from "@microsoft/microsoft-graph-types";
import { EntraGroup } from "./entra-group";
import { ODataBody } from "./graph-body";
import { GraphApiVersion, GraphBody } from "./msgraph/base";
import { MsGraphResource } from "./msgraph/resource";
import { MsGraphResourceAction } from "./msgraph/resource-action";
import { importExisting } from "./terraform-data";

/** The Intune object families an `IntuneProfile` can be. */
export type IntuneProfileKind = "deviceConfiguration" | "compliancePolicy" | "configurationPolicy" | "autopilotProfile";

/**
 * How each family is created and assigned. Assignment is the `assign` action wherever Graph has
 * one: it replaces the whole set in one call, so the body is the complete desired set and a group
 * removed from the code is removed in Intune on the next apply; compliance policies do not
 * accept POST on `/assignments` at all (microsoft-graph-docs issues #4983, #20615). Autopilot
 * profiles have no group `assign` action, so they get one assignment object per group (created,
 * read back and deleted like any resource).
 *
 * The `assign` action is never read back, so every profile is read with `$expand` of its
 * assignments (and what else Graph returns only when asked: a settings-catalog policy's settings,
 * a compliance policy's scheduled actions) and exports them: a group added or removed in the
 * portal changes `output` and shows as drift. One comma-separated `$expand`, as OData writes it.
 * Sources: Graph v1.0 api/intune-deviceconfig-devicecompliancepolicyassignment-list.md,
 * api/intune-deviceconfig-deviceconfigurationassignment-list.md, beta
 * api/intune-deviceconfigv2-devicemanagementconfigurationpolicyassignment-list.md and the
 * `assignments` navigation of windowsAutopilotDeploymentProfile (beta metadata).
 */
export const INTUNE_KINDS: Readonly<
  Record<
    IntuneProfileKind,
    { url: string; apiVersion: GraphApiVersion; assignmentType: string; assignment: "assign-action" | "assignment-resources"; nameField: "displayName" | "name"; expand: string }
  >
> = {
  deviceConfiguration: {
    url: "deviceManagement/deviceConfigurations",
    apiVersion: "beta",
    assignmentType: "#microsoft.graph.deviceConfigurationAssignment",
    assignment: "assign-action",
    nameField: "displayName",
    expand: "assignments",
  },
  compliancePolicy: {
    url: "deviceManagement/deviceCompliancePolicies",
    apiVersion: "beta",
    assignmentType: "#microsoft.graph.deviceCompliancePolicyAssignment",
    assignment: "assign-action",
    nameField: "displayName",
    // a navigation property: a plain GET leaves it out (Graph v1.0 metadata, deviceCompliancePolicy)
    expand: "scheduledActionsForRule($expand=scheduledActionConfigurations),assignments",
  },
  configurationPolicy: {
    url: "deviceManagement/configurationPolicies", // settings catalog: beta only
    apiVersion: "beta",
    assignmentType: "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    assignment: "assign-action",
    nameField: "name",
    expand: "settings,assignments",
  },
  autopilotProfile: {
    url: "deviceManagement/windowsAutopilotDeploymentProfiles",
    apiVersion: "beta",
    assignmentType: "#microsoft.graph.windowsAutopilotDeploymentProfileAssignment",
    assignment: "assignment-resources",
    nameField: "displayName",
    expand: "assignments",
  },
};

export interface IntuneProfileProps {
  readonly kind: IntuneProfileKind;
  /** The profile, typed by its policy file with @microsoft/microsoft-graph-types(-beta). */
  readonly body: GraphBody;
  /** Groups that get the profile; at least one. */
  readonly include: EntraGroup[];
  /** Groups excluded from it. @default - none */
  readonly exclude?: EntraGroup[];
}

/**
 * One Intune profile (`msgraph_resource`) and its assignment to groups, created the same way for
 * every profile of a family (see `INTUNE_KINDS`). Checks at synth time what Graph would reject.
 */
export class IntuneProfile extends Construct {
  readonly profile: MsGraphResource;
  readonly kind: IntuneProfileKind;
  readonly displayName: string;
  /** The assign action, or one assignment resource per group (Autopilot). */
  readonly assignments: (MsGraphResourceAction | MsGraphResource)[] = [];
  /** Compliance policies: the action that sets their scheduled actions after creation. */
  readonly scheduleActions?: MsGraphResourceAction;
  /** Groups that get the profile, and groups excluded from it. */
  readonly include: readonly EntraGroup[];
  readonly exclude: readonly EntraGroup[];

  constructor(scope: Construct, id: string, props: IntuneProfileProps) {
    super(scope, id);
    const spec = INTUNE_KINDS[props.kind];
    this.kind = props.kind;
    this.displayName = String(props.body[spec.nameField] ?? "");
    this.include = props.include;
    this.exclude = props.exclude ?? [];
    validateIntuneProfile(props.kind, props.body, props.include, props.exclude ?? []);

    const compliance = props.kind === "compliancePolicy";
    this.profile = new MsGraphResource(this, "Resource", {
      url: spec.url,
      apiVersion: spec.apiVersion,
      body: props.body,
      readQueryParameters: { $expand: [spec.expand] },
      responseExportValues: {
        [ASSIGNMENTS_OUTPUT]: ASSIGNMENTS_QUERY,
        ...(compliance ? { [SCHEDULED_ACTIONS_OUTPUT]: SCHEDULED_ACTIONS_QUERY } : {}),
      },
      // Settings-catalog policies are replaced as a whole (settings included), so drift in a
      // setting shows in the plan (providers.md §2.5).
      ...(props.kind === "configurationPolicy" ? { updateMethod: "PUT" as const } : {}),
      // Scheduled actions are contained navigation: created with the policy, changed only through
      // the scheduleActionsForRules action below, never by a PATCH of the policy.
      ...(compliance ? { lifecycle: { ignoreChanges: ["body.scheduledActionsForRule"] } } : {}),
    });
    if (compliance) {
      // Graph v1.0 api/intune-deviceconfig-devicecompliancepolicy-scheduleactionsforrules.md (204)
      this.scheduleActions = new MsGraphResourceAction(this, "ScheduleActions", {
        resourceUrl: this.profile.resourceUrl,
        action: "scheduleActionsForRules",
        method: "POST",
        apiVersion: spec.apiVersion,
        body: { deviceComplianceScheduledActionForRules: props.body.scheduledActionsForRule },
      });
    }

    const targets: ODataBody<DeviceAndAppManagementAssignmentTarget & { groupId?: string }>[] = [
      ...props.include.map((g) => ({ "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: g.objectId })),
      ...(props.exclude ?? []).map((g) => ({ "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", groupId: g.objectId })),
    ];
    if (spec.assignment === "assign-action") {
      this.assignments.push(
        new MsGraphResourceAction(this, "Assign", {
          resourceUrl: this.profile.resourceUrl,
          action: "assign",
          method: "POST",
          apiVersion: spec.apiVersion,
          body: { assignments: targets.map((target) => ({ "@odata.type": spec.assignmentType, target })) },
        }),
      );
    } else {
      targets.forEach((target, i) => {
        this.assignments.push(
          new MsGraphResource(this, `Assignment${i}`, {
            url: `${spec.url}/${this.profile.graphId}/assignments`,
            apiVersion: spec.apiVersion,
            body: { "@odata.type": spec.assignmentType, target },
          }),
        );
      });
    }
  }

  /**
   * Takes over an existing profile (a Terraform `import` block): the first apply sets the declared
   * body and assignments on it. msgraph import id: `/<collection>/<id>`, with `?api-version=beta`
   * for beta (terraform-provider-msgraph docs/resources/resource.md, "Import").
   */
  adopt(profileId: string): void {
    const spec = INTUNE_KINDS[this.kind];
    importExisting(this.profile, `/${spec.url}/${profileId}${spec.apiVersion === "beta" ? "?api-version=beta" : ""}`);
  }
}

/** `output.<name>` of every profile: its assignments as read back, `{target, groupId}` each. */
export const ASSIGNMENTS_OUTPUT = "assignments";
const ASSIGNMENTS_QUERY = 'assignments[].{target: target."@odata.type", groupId: target.groupId}';
/** `output.<name>` of a compliance policy: its scheduled actions as read back. */
export const SCHEDULED_ACTIONS_OUTPUT = "scheduled_actions";
const SCHEDULED_ACTIONS_QUERY = "scheduledActionsForRule[].{rule: ruleName, actions: scheduledActionConfigurations[].{type: actionType, gracePeriodHours: gracePeriodHours}}";

/** Graph's limits on update rings (windowsUpdateForBusinessConfiguration), in days. */
export const UPDATE_RING_LIMITS: Readonly<Record<string, [number, number]>> = {
  qualityUpdatesDeferralPeriodInDays: [0, 30],
  featureUpdatesDeferralPeriodInDays: [0, 365],
  deadlineForQualityUpdatesInDays: [0, 30],
  deadlineForFeatureUpdatesInDays: [0, 30],
  deadlineGracePeriodInDays: [0, 7],
};

/**
 * What Graph would reject, checked before anything is deployed. Throws with the profile name,
 * the value and what is allowed.
 */
export function validateIntuneProfile(kind: IntuneProfileKind, body: GraphBody, include: EntraGroup[], exclude: EntraGroup[]): void {
  const spec = INTUNE_KINDS[kind];
  const name = body[spec.nameField];
  const where = `intune profile "${name ?? "(no name)"}"`;
  if (typeof name !== "string" || name.trim() === "") throw new ConfigurationError(`${where}: ${spec.nameField} is required`);
  if (kind !== "configurationPolicy" && typeof body["@odata.type"] !== "string") {
    throw new ConfigurationError(`${where}: "@odata.type" is required on ${kind} bodies (Graph needs the derived type)`);
  }
  if (include.length === 0) throw new ConfigurationError(`${where}: assign it to at least one group (every profile must be assigned)`);
  const overlap = include.filter((g) => exclude.includes(g));
  if (overlap.length) throw new ConfigurationError(`${where}: a group cannot be included and excluded at once (${overlap.map((g) => g.node.id).join(", ")})`);

  if (kind === "compliancePolicy") {
    const rules = Array.isArray(body.scheduledActionsForRule) ? body.scheduledActionsForRule : [];
    const actions = rules.flatMap((r: { scheduledActionConfigurations?: { actionType?: string; gracePeriodHours?: number }[] }) => r.scheduledActionConfigurations ?? []);
    const blocks = actions.filter((a: { actionType?: string }) => a.actionType === "block");
    if (blocks.length !== 1) {
      throw new ConfigurationError(`${where}: scheduledActionsForRule must contain exactly one "block" action, found ${blocks.length} (Graph: "Compliance policy must have one and only one block scheduled action")`);
    }
    for (const a of actions) {
      const h = a.gracePeriodHours ?? 0;
      if (!Number.isInteger(h) || h < 0 || h > 8760) throw new ConfigurationError(`${where}: gracePeriodHours of the ${a.actionType} action is ${h}; allowed 0 to 8760`);
    }
  }
  if (body["@odata.type"] === "#microsoft.graph.windowsUpdateForBusinessConfiguration") {
    for (const [field, [min, max]] of Object.entries(UPDATE_RING_LIMITS)) {
      const v = body[field];
      if (v === undefined) continue;
      if (!Number.isInteger(v) || v < min || v > max) throw new ConfigurationError(`${where}: ${field} is ${v}; allowed ${min} to ${max} days`);
    }
  }
}
