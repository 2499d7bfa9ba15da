/**
 * The conditional access policies werkplek deploys, by id: the display name in Entra is
 * `<id> <title>`. An id is a construct id and a key of the tenant file's
 * `conditionalAccess.policies`, so it never changes or is reused. Each policy's body is in
 * `policies/conditional-access/<id>-*.ts`; the type of policy-set.ts keeps the two in step.
 */
export const CONDITIONAL_ACCESS_POLICIES = {
  CA001: "Block legacy authentication",
  CA002: "Require MFA for all users",
  CA003: "Require phishing-resistant MFA for administrators",
  CA004: "Block device code flow",
  CA005: "Register security info only from a managed device",
  CA006: "Require a compliant device for desktop and mobile apps",
  CA007: "Limit browser sessions on unmanaged devices",
  CA008: "Block sign-ins outside the allowed countries",
  CA009: "Require MFA for guests",
  CA010: "Require MFA for Azure management",
  CA011: "Block unknown device platforms",
  CA012: "Require a secure password change for high user risk",
  CA013: "Block high sign-in risk",
  CA014: "Require MFA and sign-in frequency for Awingu",
  CA015: "Require phishing-resistant MFA for all users",
  CA016: "Block high user risk",
} as const;

export type ConditionalAccessPolicyId = keyof typeof CONDITIONAL_ACCESS_POLICIES;
