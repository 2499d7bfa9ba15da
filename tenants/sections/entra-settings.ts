/**
 * Tenant-wide Entra settings a municipality may choose (identity stack,
 * policies/identity/passwords.ts and app-management.ts): `passwords:` (domains whose passwords never
 * expire, the custom banned-password list, smart lockout) and `appCredentials:` (app secrets and
 * certificate lifetimes). A choice weaker than the baseline is allowed here and flagged by its
 * guardrail rule; waive it there, with a reason (guardrails.suppressions).
 */
import { z } from "zod";

const DOMAIN = /^([a-z0-9-]+\.)+[a-z]{2,}$/;

export const PasswordsSchema = z
  .strictObject({
    otherDomains: z
      .array(z.string().regex(DOMAIN, { error: "must be a lowercase DNS name like kraainem.onmicrosoft.com" }))
      .default([])
      .describe(
        "verified domains besides primaryDomain whose users sign in (the initial <name>.onmicrosoft.com of the break-glass accounts, other managed domains); passwords never expire on primaryDomain and each of these (MS.AAD.6.1)",
      ),
    bannedPasswords: z
      .array(
        z
          .string()
          .trim()
          .min(4, { error: "a banned password term has 4 to 16 characters" })
          .max(16, { error: "a banned password term has 4 to 16 characters" })
          .regex(/^[^\t]+$/, { error: "a banned password term cannot contain a tab" }),
      )
      .max(1000, { error: "Entra takes at most 1000 custom banned password terms" })
      .default([])
      .describe("custom banned password terms (the municipality's name, its villages, the town hall's street): EIDSCA.PR03, CIS 5.2.3.2"),
    lockoutThreshold: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(10)
      .describe("failed sign-ins before smart lockout (EIDSCA.PR06: at most 10; Entra's default 10)"),
    lockoutDurationSeconds: z
      .number()
      .int()
      .min(5)
      .max(18000)
      .default(60)
      .describe("first lockout in seconds; Entra lengthens repeated lockouts (EIDSCA.PR05: at least 60)"),
    adoptExistingSettingId: z
      .guid({ error: "must be a GUID like 00000000-0000-0000-0000-000000000000" })
      .optional()
      .describe("id of the tenant's existing \"Password Rule Settings\" directory setting (GET /beta/settings), adopted instead of created"),
  })
  .prefault({})
  .describe("passwords: expiry, banned terms and smart lockout (identity stack)");

export type PasswordsSpec = z.output<typeof PasswordsSchema>;

export const AppCredentialsSchema = z
  .strictObject({
    blockSecrets: z
      .boolean()
      .default(true)
      .describe("no new client secrets on app registrations and service principals (MS.AAD.5.5); certificates and federated credentials still work"),
    secretLifetimeDays: z
      .number()
      .int()
      .min(1)
      .max(730)
      .default(180)
      .describe("longest lifetime of a client secret, in days (MS.AAD.5.6: at most 180)"),
    certificateLifetimeDays: z
      .number()
      .int()
      .min(1)
      .max(1095)
      .default(365)
      .describe("longest lifetime of an app certificate, in days (MS.AAD.5.7: at most 365)"),
  })
  .prefault({})
  .describe("the default app management policy: credentials apps may get (identity stack)");

export type AppCredentialsSpec = z.output<typeof AppCredentialsSchema>;
