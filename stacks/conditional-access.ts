import { Construct } from "constructs";
import type { ConditionalAccessApps } from "../policies/conditional-access/definition";
import { ConditionalAccessPolicy } from "../constructs/conditional-access/policy";
import { ConfigurationError } from "../constructs/errors";
import { WerkplekStack, WerkplekStackProps } from "./werkplek-stack";
import { conditionalAccessPolicies } from "../policies/conditional-access/policy-set";
import type { IdentityStack } from "./identity";

export interface ConditionalAccessStackProps extends WerkplekStackProps {
  /** Groups and named locations come from here, by reference. */
  readonly identity: IdentityStack;
  /** Applications from other stacks that get a policy of their own. @default - none */
  readonly apps?: ConditionalAccessApps;
}

/**
 * `<tenant>-conditional-access`: the conditional access policy set (`policies/conditional-access/`),
 * each policy in the state the tenant file's rollout gives it.
 */
export class ConditionalAccessStack extends WerkplekStack {
  /** The policies in order; their `spec` is what what-if evaluates. */
  readonly policies: readonly ConditionalAccessPolicy[];

  constructor(scope: Construct, props: ConditionalAccessStackProps) {
    super(scope, "conditional-access", props);
    const { identity } = props;
    this.policies = conditionalAccessPolicies(this.tenant, props.apps).map(
      (spec) =>
        new ConditionalAccessPolicy(this, spec.id, {
          spec,
          breakGlassGroupObjectId: this.tenant.breakGlass.groupObjectId,
          groups: identity.groups,
          namedLocations: { allowedCountries: identity.allowedCountries, trustedOffice: identity.trustedOffice },
        }),
    );
    for (const [id, policyId] of Object.entries(this.tenant.adopt.conditionalAccess)) {
      const policy = this.policies.find((p) => p.spec.id === id);
      if (!policy) {
        throw new ConfigurationError(`adopt.conditionalAccess.${id}: this tenant has no policy ${id} (riskPolicies off?); adoptable: ${this.policies.map((p) => p.spec.id).join(", ")}`);
      }
      policy.adopt(policyId);
    }
    // The last word: whatever built or overrode a policy in this stack, the synthesized JSON must
    // exclude the break-glass group and exclude no role. Runs at every synth.
    this.node.addValidation({ validate: () => breakGlassProblems(this.toTerraform(), this.tenant.breakGlass.groupObjectId) });
  }
}

/** Problems with the break-glass exclusion in a synthesized stack; empty when every policy is safe. */
export function breakGlassProblems(stackJson: unknown, breakGlassGroupObjectId: string): string[] {
  const policies = (stackJson as { resource?: Record<string, Record<string, unknown>> }).resource?.azuread_conditional_access_policy ?? {};
  const problems: string[] = [];
  for (const [name, policy] of Object.entries(policies)) {
    const users = firstOf(firstOf((policy as { conditions?: unknown }).conditions)?.users);
    const excluded = users?.excluded_groups;
    if (!Array.isArray(excluded) || !excluded.includes(breakGlassGroupObjectId)) {
      problems.push(`conditional access policy ${name} does not exclude the break-glass group ${breakGlassGroupObjectId}`);
    }
    if (Array.isArray(users?.excluded_roles) && users.excluded_roles.length > 0) {
      problems.push(`conditional access policy ${name} excludes roles; excluding roles is not allowed`);
    }
  }
  return problems;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function firstOf(v: unknown): Record<string, any> | undefined {
  const item = Array.isArray(v) ? v[0] : v;
  return typeof item === "object" && item !== null ? (item as Record<string, unknown>) : undefined;
}
