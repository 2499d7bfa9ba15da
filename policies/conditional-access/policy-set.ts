/**
 * The conditional access policy set, in order. The tenant file's `conditionalAccess.policies`
 * decides each policy's state (staged rollout); a policy it does not list is report-only.
 */
import type { ConditionalAccessPolicySpec } from "../../constructs/conditional-access/spec";
import { CONDITIONAL_ACCESS_POLICIES, ConditionalAccessPolicyId } from "../../facts/conditional-access-policies";
import { DEFAULT_STATE } from "../../tenants/sections/conditional-access";
import type { Tenant } from "../../tenants/schema";
import type { ConditionalAccessApps, PolicyDefinition } from "./definition";
import { CA001 } from "./CA001-block-legacy-authentication";
import { CA002 } from "./CA002-mfa-all-users";
import { CA003 } from "./CA003-phishing-resistant-mfa-admins";
import { CA004 } from "./CA004-block-device-code-flow";
import { CA005 } from "./CA005-protect-security-info-registration";
import { CA006 } from "./CA006-compliant-device-for-apps";
import { CA007 } from "./CA007-private-computer-browser-session";
import { CA008 } from "./CA008-block-outside-allowed-countries";
import { CA009 } from "./CA009-mfa-guests";
import { CA010 } from "./CA010-mfa-azure-management";
import { CA011 } from "./CA011-block-unknown-platforms";
import { CA012 } from "./CA012-high-user-risk-password-change";
import { CA013 } from "./CA013-high-sign-in-risk-block";
import { CA014 } from "./CA014-awingu-session";
import { CA015 } from "./CA015-phishing-resistant-mfa-all-users";
import { CA016 } from "./CA016-high-user-risk-block";

/** One definition per id of facts/conditional-access-policies.ts: the type refuses a missing or extra one. */
export const POLICIES_BY_ID: Readonly<Record<ConditionalAccessPolicyId, PolicyDefinition>> = {
  CA001, CA002, CA003, CA004, CA005, CA006, CA007, CA008, CA009, CA010, CA011, CA012, CA013, CA014, CA015, CA016,
};

export const POLICY_DEFINITIONS: readonly PolicyDefinition[] = Object.values(POLICIES_BY_ID);

/** The tenant's policies with their rollout state: what the stack synthesizes and what-if evaluates. */
export function conditionalAccessPolicies(tenant: Tenant, apps: ConditionalAccessApps = {}): ConditionalAccessPolicySpec[] {
  const ctx = { tenant, apps };
  return POLICY_DEFINITIONS.filter((d) => d.when?.(ctx) ?? true).map((d) => ({
    id: d.id,
    displayName: `${d.id} ${CONDITIONAL_ACCESS_POLICIES[d.id]}`,
    controls: d.controls,
    state: tenant.conditionalAccess.policies[d.id]?.state ?? DEFAULT_STATE,
    ...d.body(ctx),
  }));
}
