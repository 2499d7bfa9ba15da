/**
 * `adopt:` objects that already exist in the tenant and that werkplek takes over instead of
 * creating them again: object id by the key the tenant file (or the policy set) gives the object.
 * Synth turns each into a Terraform `import` block, so the first apply updates the existing object
 * (an import of an object already in state is a no-op). Written by `werkplek adopt --write`.
 */
import { z } from "zod";
import { knownPolicyIds } from "./conditional-access";

const KEY = /^[a-z0-9][a-z0-9-]*$/;
const id = z.guid({ error: "must be the object's id, a GUID like 9b1f3c4e-1d2a-4f5b-8c7d-0e1f2a3b4c5d (from werkplek adopt)" });
const byKey = (what: string) => z.record(z.string().regex(KEY, { error: `a ${what} key (lowercase letters, digits and dashes)` }), id).default({});

export const AdoptSchema = z
  .strictObject({
    groups: byKey("group").describe("group key (under groups) → object id of the existing Entra group"),
    teams: byKey("team").describe("team key (under teams.teams) → object id of the existing Teams-enabled group"),
    conditionalAccess: z
      .record(z.string(), id)
      .default({})
      .superRefine(knownPolicyIds)
      .describe("policy id (CA001 …) → id of the existing conditional access policy"),
    namedLocations: z
      .strictObject({ allowedCountries: id.optional(), trustedOffice: id.optional() })
      .default({})
      .describe("the existing named locations for the allowed countries and the trusted office ranges"),
    intune: byKey("Intune profile").describe("Intune profile id (compliance-windows, laps, …; werkplek adopt lists them) → id of the existing profile"),
  })
  .prefault({})
  .describe("existing objects werkplek takes over (Terraform import) instead of creating them; written by werkplek adopt --write");

export type AdoptSpec = z.output<typeof AdoptSchema>;

/** Cross-references: adopted groups and teams exist in the file, and no object is adopted twice. */
export function adoptCrossReferences(value: unknown, t: { groups?: unknown; teams?: unknown }, ctx: z.core.$RefinementCtx): void {
  if (typeof value !== "object" || value === null) return;
  const adopt = value as Record<string, unknown>;
  const record = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const known = {
    groups: Object.keys(record(t.groups)),
    teams: Object.keys(record(record(t.teams).teams)),
  };
  for (const area of ["groups", "teams"] as const) {
    for (const key of Object.keys(record(adopt[area]))) {
      if (!known[area].includes(key)) {
        ctx.addIssue({ code: "custom", path: ["adopt", area, key], message: `unknown ${area === "groups" ? "group" : "team"} "${key}"; allowed: ${known[area].join(", ") || "(none declared)"}` });
      }
    }
  }
  const seen = new Map<string, string>();
  for (const [area, entries] of Object.entries(adopt)) {
    for (const [key, objectId] of Object.entries(record(entries))) {
      if (typeof objectId !== "string") continue;
      const where = `${area}.${key}`;
      const first = seen.get(objectId.toLowerCase());
      if (first) ctx.addIssue({ code: "custom", path: ["adopt", area, key], message: `${objectId} is also adopted as ${first}; one existing object becomes one declared object` });
      else seen.set(objectId.toLowerCase(), where);
    }
  }
}
