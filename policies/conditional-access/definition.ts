import type { PolicyBody } from "../../constructs/conditional-access/spec";
import type { ConditionalAccessPolicyId } from "../../facts/conditional-access-policies";
import type { Tenant } from "../../tenants/schema";

/** Applications made in other stacks that get a policy of their own. */
export interface ConditionalAccessApps {
  /**
   * Client id of the Awingu SAML enterprise application (from the remote-access stack).
   * @default - no Awingu policy
   */
  readonly awinguClientId?: string;
}

/** What a policy is a function of. */
export interface PolicyContext {
  readonly tenant: Tenant;
  readonly apps: ConditionalAccessApps;
}

/**
 * One policy file under `policies/conditional-access/`: a fixed id (its title is in
 * facts/conditional-access-policies.ts; the display name is `<id> <title>`), the baseline controls
 * it implements, and its body as a function of the tenant. Its state is not here: the tenant
 * file's rollout decides it.
 */
export interface PolicyDefinition {
  /** `CA001` …; stable, it is the construct id. */
  readonly id: ConditionalAccessPolicyId;
  /** Baseline control ids (SCuBA `MS.AAD.*`, CIS, Maester `MT.*`). */
  readonly controls: readonly string[];
  /** Whether the tenant gets this policy at all. @default - always */
  readonly when?: (ctx: PolicyContext) => boolean;
  readonly body: (ctx: PolicyContext) => PolicyBody;
}
