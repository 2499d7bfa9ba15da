/**
 * The built-in authentication strengths of Entra ID: identical in every tenant, addressed by a
 * full Graph id path. Source: Graph `authenticationStrengthPolicy` (learn.microsoft.com/graph/api/resources/authenticationstrengthpolicy),
 * "Built-in authentication strengths" (learn.microsoft.com/entra/identity/authentication/concept-authentication-strengths).
 */
export const AUTHENTICATION_STRENGTHS = {
  mfa: "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002",
  passwordlessMfa: "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000003",
  phishingResistantMfa: "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004",
} as const;
export type AuthenticationStrengthId = (typeof AUTHENTICATION_STRENGTHS)[keyof typeof AUTHENTICATION_STRENGTHS];

/** Name and strength order of the built-in authentication strengths (higher is stronger). */
const STRENGTH_INFO: Readonly<Record<string, { readonly name: string; readonly rank: number }>> = {
  [AUTHENTICATION_STRENGTHS.mfa]: { name: "MFA", rank: 1 },
  [AUTHENTICATION_STRENGTHS.passwordlessMfa]: { name: "passwordless MFA", rank: 2 },
  [AUTHENTICATION_STRENGTHS.phishingResistantMfa]: { name: "phishing-resistant MFA", rank: 3 },
};

/** A built-in strength by its full id path or its GUID; undefined for a custom strength. */
export function authenticationStrengthInfo(id: string): { readonly name: string; readonly rank: number } | undefined {
  const key = Object.keys(STRENGTH_INFO).find((k) => k === id || k.endsWith(`/${id}`));
  return key ? STRENGTH_INFO[key] : undefined;
}
