/**
 * The guardrail rule ids, in catalogue order (guardrails/RULES.md says what each checks). The
 * tenant file's `guardrails.suppressions` may name them; guardrails/registry.ts holds one rule
 * per id (a test keeps the two equal). An id is never renumbered or reused.
 */
export const GUARDRAIL_RULE_IDS = [
  "WP-ID-001", "WP-ID-002", "WP-ID-003", "WP-ID-004", "WP-ID-005", "WP-ID-006", "WP-ID-007", "WP-ID-008", "WP-ID-009", "WP-ID-010", "WP-ID-011", "WP-ID-012", "WP-ID-013", "WP-ID-014", "WP-ID-015",
  "WP-ID-016", "WP-ID-017", "WP-ID-018", "WP-ID-019", "WP-ID-020", "WP-ID-021", "WP-ID-022", "WP-ID-023",
  "WP-CA-001", "WP-CA-002", "WP-CA-003", "WP-CA-004", "WP-CA-005", "WP-CA-006", "WP-CA-007", "WP-CA-008", "WP-CA-009", "WP-CA-010", "WP-CA-011", "WP-CA-012", "WP-CA-013", "WP-CA-014", "WP-CA-015",
  "WP-TEAMS-001", "WP-TEAMS-002", "WP-TEAMS-003", "WP-TEAMS-004", "WP-TEAMS-005", "WP-TEAMS-006", "WP-TEAMS-007", "WP-TEAMS-008", "WP-TEAMS-009", "WP-TEAMS-010",
  "WP-INTUNE-001", "WP-INTUNE-002", "WP-INTUNE-003", "WP-INTUNE-004", "WP-INTUNE-005", "WP-INTUNE-006", "WP-INTUNE-007", "WP-INTUNE-008", "WP-INTUNE-009",
  "WP-NET-001", "WP-NET-002", "WP-NET-003", "WP-NET-004", "WP-NET-005", "WP-NET-006", "WP-NET-007", "WP-NET-008", "WP-NET-009", "WP-NET-010",
  "WP-VM-001", "WP-VM-002", "WP-VM-003", "WP-VM-004", "WP-VM-005", "WP-VM-006", "WP-VM-007",
  "WP-KV-001", "WP-KV-002", "WP-KV-003",
  "WP-STATE-001", "WP-STATE-002", "WP-STATE-003", "WP-STATE-004", "WP-STATE-005", "WP-STATE-006", "WP-STATE-007", "WP-STATE-008", "WP-STATE-009", "WP-STATE-010", "WP-STATE-011",
  "WP-SEC-001",
] as const;

export type GuardrailRuleId = (typeof GUARDRAIL_RULE_IDS)[number];

/** The rules no tenant file may suppress, with what they protect: lock-out and leaked secrets. */
export const UNSUPPRESSIBLE_RULES: Readonly<Partial<Record<GuardrailRuleId, string>>> = {
  "WP-CA-001": "every conditional access policy excludes the break-glass group",
  "WP-SEC-001": "no secret material in the synthesized configuration",
};
