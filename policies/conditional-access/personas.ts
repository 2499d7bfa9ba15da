/**
 * Personas × scenarios (`policies/conditional-access/personas.yaml`): the people and sign-ins a
 * reviewer checks conditional access against, with the outcomes expected for the example
 * tenant. Read by the persona tests and by `werkplek whatif --matrix`.
 */
import * as fs from "fs";
import { ConfigurationError } from "../../constructs/errors";
import * as path from "path";
import { parse } from "yaml";
import { z } from "zod";
import { RISK_LEVELS, TRANSFER_METHODS } from "../../constructs/conditional-access/spec";
import { WHATIF_CLIENTS, WHATIF_DEVICES, WHATIF_PLATFORMS, WhatIfResult, WhatIfSignIn, WhatIfUser } from "../../constructs/conditional-access/whatif";

export const PERSONAS_FILE = path.join(__dirname, "..", "..", "policies", "conditional-access", "personas.yaml");

const PersonaSchema = z.strictObject({
  description: z.string().min(1),
  groups: z.array(z.string()).optional(),
  roles: z.array(z.string()).optional(),
  guest: z.boolean().optional(),
  breakGlass: z.boolean().optional(),
});

const ScenarioSchema = z.strictObject({
  description: z.string().min(1),
  app: z.string().optional(),
  client: z.enum(WHATIF_CLIENTS).optional(),
  platform: z.enum(WHATIF_PLATFORMS).optional(),
  device: z.enum(WHATIF_DEVICES).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  flow: z.enum(TRANSFER_METHODS).optional(),
});

const RESULTS = ["block", "grant", "allow"] as const;

const ExpectationSchema = z.strictObject({
  persona: z.union([z.string(), z.array(z.string())]).describe('a persona key, a list of them, or "*" for every persona'),
  scenario: z.union([z.string(), z.array(z.string())]).describe('a scenario key, a list of them, or "*" for every scenario'),
  why: z.string().min(1),
  result: z.enum(RESULTS).optional(),
  notResult: z.enum(RESULTS).optional(),
  /** Policy ids (CA001 …) that must be among the blocking policies. */
  blockedBy: z.array(z.string()).optional(),
  /** Each must match one grant: by policy id, and the controls or strength given. */
  grants: z
    .array(z.strictObject({ policy: z.string(), controls: z.array(z.string()).optional(), authenticationStrength: z.string().optional() }))
    .optional(),
  /** Policy ids (CA001 …) that must be among the report-only policies that would apply (a rollout under way). */
  reportOnly: z.array(z.string()).optional(),
  /** Session controls that must be in force (partial match). */
  sessionControls: z.record(z.string(), z.unknown()).optional(),
});

export const PersonasFileSchema = z.strictObject({
  personas: z.record(z.string(), PersonaSchema),
  scenarios: z.record(z.string(), ScenarioSchema),
  expectations: z.array(ExpectationSchema),
});

export type Persona = z.infer<typeof PersonaSchema> & WhatIfUser;
export type Scenario = z.infer<typeof ScenarioSchema> & WhatIfSignIn;
export type Expectation = z.infer<typeof ExpectationSchema>;
export type PersonasFile = z.infer<typeof PersonasFileSchema>;

/** Reads and validates the personas file; problems name the file and the field (ConfigurationError: exit 2). */
export function loadPersonas(file: string = PERSONAS_FILE): PersonasFile {
  const shown = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ConfigurationError(`${shown}: ${(e as Error).message.split("\n")[0]}`);
  }
  const result = PersonasFileSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigurationError(result.error.issues.map((i) => `${shown} ${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const data = result.data;
  data.expectations.forEach((e, i) => {
    for (const p of keysOf(e.persona, data.personas)) {
      if (!(p in data.personas)) throw new ConfigurationError(`${shown} expectations.${i}.persona: unknown persona "${p}"; allowed: ${Object.keys(data.personas).join(", ")}`);
    }
    for (const s of keysOf(e.scenario, data.scenarios)) {
      if (!(s in data.scenarios)) throw new ConfigurationError(`${shown} expectations.${i}.scenario: unknown scenario "${s}"; allowed: ${Object.keys(data.scenarios).join(", ")}`);
    }
  });
  return data;
}

/** The (persona, scenario) pairs an expectation covers. */
export function pairsOf(file: PersonasFile, e: Expectation): [string, string][] {
  const personas = keysOf(e.persona, file.personas);
  const scenarios = keysOf(e.scenario, file.scenarios);
  return personas.flatMap((p) => scenarios.map((s): [string, string] => [p, s]));
}

function keysOf(sel: string | string[], all: Record<string, unknown>): string[] {
  return sel === "*" ? Object.keys(all) : Array.isArray(sel) ? sel : [sel];
}

/** What is wrong with a what-if result against an expectation; empty when it holds. */
export function mismatches(e: Expectation, r: WhatIfResult): string[] {
  const problems: string[] = [];
  const idOf = (displayName: string) => displayName.split(" ")[0];
  if (e.result && r.result !== e.result) problems.push(`result ${r.result}, expected ${e.result}`);
  if (e.notResult && r.result === e.notResult) problems.push(`result ${r.result}, expected anything else`);
  for (const id of e.blockedBy ?? []) {
    if (!r.blockedBy.map(idOf).includes(id)) problems.push(`not blocked by ${id} (blocked by: ${r.blockedBy.join(", ") || "none"})`);
  }
  for (const g of e.grants ?? []) {
    const found = r.grants.find(
      (x) =>
        idOf(x.policy) === g.policy &&
        (!g.controls || [...x.controls].sort().join() === [...g.controls].sort().join()) &&
        (!g.authenticationStrength || x.authenticationStrength === g.authenticationStrength),
    );
    if (!found) problems.push(`no grant ${JSON.stringify(g)} (grants: ${JSON.stringify(r.grants)})`);
  }
  for (const id of e.reportOnly ?? []) {
    if (!r.reportOnly.map(idOf).includes(id)) problems.push(`${id} is not among the report-only policies that apply (report-only: ${r.reportOnly.join(", ") || "none"})`);
  }
  for (const [k, v] of Object.entries(e.sessionControls ?? {})) {
    const actual = (r.sessionControls as Record<string, unknown>)[k];
    if (JSON.stringify(actual) !== JSON.stringify(v)) problems.push(`sessionControls.${k} is ${JSON.stringify(actual)}, expected ${JSON.stringify(v)}`);
  }
  if (r.unknown.length > 0) problems.push(`undecided conditions (the scenario is incomplete): ${r.unknown.join("; ")}`);
  return problems;
}
