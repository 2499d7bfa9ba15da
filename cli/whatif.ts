import * as fs from "fs";
import { ISO_COUNTRIES } from "../facts/countries";
import * as os from "os";
import * as path from "path";
import { BlockList, isIP } from "net";
import { App } from "cdktf";
import { Command, enumFlag, listFlag, parseFlags, UsageError } from "./command";
import { loadPersonas, PersonasFile } from "../policies/conditional-access/personas";
import { RISK_LEVELS, TRANSFER_METHODS, USER_ACTIONS } from "../constructs/conditional-access/spec";
import {
  EvaluatedPolicy,
  strengthName,
  WHATIF_CLIENTS,
  WHATIF_DEVICES,
  WHATIF_PLATFORMS,
  whatIf,
  WhatIfResult,
  WhatIfSignIn,
  WhatIfUser,
} from "../constructs/conditional-access/whatif";
import { DIRECTORY_ROLES, roleNameOf } from "../facts/directory-roles";
import { buildTenant } from "../stacks/tenant";
import { listTenantFiles, loadTenant } from "../tenants/load";
import type { Tenant } from "../tenants/schema";

const NAME = "whatif";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const whatifCommand: Command = {
  name: NAME,
  summary: "what conditional access does to a sign-in, offline (or --matrix for every persona)",
  usage: `Usage: werkplek whatif --tenant <name> [who] [sign-in] [--json]
       werkplek whatif --tenant <name> --matrix

Evaluates the tenant's conditional access policies exactly as the conditional access stack
synthesizes them, for one sign-in. Nothing is sent to Entra.

Who (none of these: an ordinary staff member):
  --groups <key,...>     group keys from the tenant file (roles of adminRoles groups count)
  --roles <id,...>       directory role template ids (or built-in role names)
  --guest                a B2B guest
  --break-glass          a member of the emergency-access group (not with --guest)

Sign-in (a signal left out is "unknown" to every policy that looks at it):
  --app <app>            All (default) | Office365 | <application id> | urn:user:registersecurityinfo | urn:user:registerdevice
  --client <type>        ${WHATIF_CLIENTS.join(" | ")}
  --platform <p>         ${WHATIF_PLATFORMS.join(" | ")}
  --device <state>       ${WHATIF_DEVICES.join(" | ")}
  --country <code>       ISO 3166-1 alpha-2, e.g. BE
  --ip <address>         public IPv4 or IPv6 address (a private one is refused: Entra never sees it)
  --risk <level>         ${RISK_LEVELS.join(" | ")} (user and sign-in risk)
  --flow <flow>          ${TRANSFER_METHODS.join(" | ")} (default: an ordinary sign-in)

Output:
  --json                 {"result","grants","sessionControls","blockedBy","reportOnly","unknown","unmetGrants"}
                         result "block" also when a grant asks for a managed device the sign-in
                         (--device unmanaged) lacks: that policy is in blockedBy and its grant in unmetGrants
  --matrix               Markdown table of personas × scenarios (policies/conditional-access/personas.yaml) and the gaps
  -h, --help             show this help

Examples:
  werkplek whatif --tenant kraainem --client browser --platform windows --device unmanaged --country BE --ip 198.51.100.20
  werkplek whatif --tenant kraainem --groups ict-beheerders --client mobileAppsAndDesktopClients --json
  werkplek whatif --tenant kraainem --client exchangeActiveSync

Exit codes: 0 answered (and for --matrix: no gaps), 1 --matrix found gaps, 2 bad flag or tenant.`,

  async run(argv, io) {
    const { values } = parseFlags(NAME, argv, {
      tenant: { type: "string" },
      groups: { type: "string" },
      roles: { type: "string" },
      guest: { type: "boolean" },
      "break-glass": { type: "boolean" },
      app: { type: "string" },
      client: { type: "string" },
      platform: { type: "string" },
      device: { type: "string" },
      country: { type: "string" },
      ip: { type: "string" },
      risk: { type: "string" },
      flow: { type: "string" },
      json: { type: "boolean" },
      matrix: { type: "boolean" },
    });
    const tenant = tenantFlag(values.tenant);
    const policies = tenantPolicies(tenant);

    if (values.matrix) {
      const others = Object.keys(values).filter((k) => k !== "tenant" && k !== "matrix");
      if (others.length > 0) {
        throw new UsageError(`${NAME}: --matrix evaluates every persona and scenario of the personas file; it takes no --${others.join(", --")}`);
      }
      const matrix = coverageMatrix(policies, tenant, loadPersonas());
      io.out(matrix.markdown);
      return matrix.gaps.length > 0 ? 1 : 0;
    }

    if (values.guest && values["break-glass"]) {
      throw new UsageError(
        `${NAME}: --guest and --break-glass cannot be combined: break-glass accounts are cloud-only members of the tenant, never guests; pick one`,
      );
    }
    const user: WhatIfUser = {
      groups: listFlag(NAME, "groups", values.groups, Object.keys(tenant.groups)),
      roles: listFlag(NAME, "roles", values.roles).map(roleId),
      guest: values.guest ?? false,
      breakGlass: values["break-glass"] ?? false,
    };
    const signIn: WhatIfSignIn = {
      app: appFlag(values.app),
      client: enumFlag(NAME, "client", values.client, WHATIF_CLIENTS),
      platform: enumFlag(NAME, "platform", values.platform, WHATIF_PLATFORMS),
      device: enumFlag(NAME, "device", values.device, WHATIF_DEVICES),
      country: countryFlag(values.country),
      ip: ipFlag(values.ip),
      risk: enumFlag(NAME, "risk", values.risk, RISK_LEVELS),
      flow: enumFlag(NAME, "flow", values.flow, TRANSFER_METHODS),
    };
    const result = whatIf(policies, tenant, user, signIn);
    io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : readable(tenant, user, signIn, result));
    return 0;
  },
};

/**
 * The conditional access policies exactly as the stack builds them: the whole tenant is built
 * in a throw-away app (nothing is synthesized) and its conditional access stack's policies read.
 */
export function tenantPolicies(tenant: Tenant): readonly EvaluatedPolicy[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-whatif-"));
  try {
    return buildTenant(new App({ outdir }), tenant).conditionalAccess.policies;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function tenantFlag(value: string | undefined): Tenant {
  const known = listTenantFiles().map((f) => path.basename(f).replace(/\.ya?ml$/i, ""));
  if (!value) throw new UsageError(`${NAME}: --tenant is required; allowed: ${known.join(", ")}`);
  return loadTenant(value); // an unknown name is UnknownTenantError: exit 2 with the known tenants
}

function roleId(value: string): string {
  if (GUID.test(value)) return value.toLowerCase();
  const id = (DIRECTORY_ROLES as Record<string, string>)[value];
  if (id) return id;
  throw new UsageError(
    `${NAME}: --roles "${value}" is not allowed; allowed: a role template id (GUID) or one of: ${Object.keys(DIRECTORY_ROLES).join(", ")}`,
  );
}

function appFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === "All" || value === "Office365" || GUID.test(value) || (USER_ACTIONS as readonly string[]).includes(value)) return value;
  throw new UsageError(`${NAME}: --app "${value}" is not allowed; allowed: All, Office365, an application id (GUID), ${USER_ACTIONS.join(", ")}`);
}

function countryFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (ISO_COUNTRIES.has(value.toUpperCase())) return value.toUpperCase();
  throw new UsageError(`${NAME}: --country "${value}" is not allowed; allowed: an assigned ISO 3166-1 alpha-2 code like BE, NL, FR (the UK is GB)`);
}

function ipFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIP(value)) throw new UsageError(`${NAME}: --ip "${value}" is not allowed; allowed: a public IPv4 or IPv6 address like 198.51.100.20`);
  const kind = notPublic(value);
  if (kind) {
    throw new UsageError(
      `${NAME}: --ip "${value}" is ${kind}: Entra sees the public address a sign-in comes from (the office's internet egress), never a private one; allowed: a public IPv4 or IPv6 address like 198.51.100.20`,
    );
  }
  return value;
}

/** Address blocks Entra never sees a sign-in from (RFC 6890 special-purpose), by what they are. */
const NOT_PUBLIC: readonly [string, number, "ipv4" | "ipv6", string][] = [
  ["0.0.0.0", 8, "ipv4", "an unspecified address"],
  ["10.0.0.0", 8, "ipv4", "a private address (RFC 1918)"],
  ["100.64.0.0", 10, "ipv4", "a carrier-grade NAT address (RFC 6598)"],
  ["127.0.0.0", 8, "ipv4", "a loopback address"],
  ["169.254.0.0", 16, "ipv4", "a link-local address"],
  ["172.16.0.0", 12, "ipv4", "a private address (RFC 1918)"],
  ["192.168.0.0", 16, "ipv4", "a private address (RFC 1918)"],
  ["224.0.0.0", 3, "ipv4", "a multicast or reserved address"],
  ["::", 128, "ipv6", "an unspecified address"],
  ["::1", 128, "ipv6", "a loopback address"],
  ["fc00::", 7, "ipv6", "a private (unique local) address"],
  ["fe80::", 10, "ipv6", "a link-local address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
];

function notPublic(ip: string): string | undefined {
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  for (const [net, prefix, f, what] of NOT_PUBLIC) {
    if (f !== family) continue;
    const list = new BlockList();
    list.addSubnet(net, prefix, f);
    if (list.check(ip, f)) return what;
  }
  // an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is the IPv4 address
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? notPublic(mapped[1]) : undefined;
}

function describeUser(tenant: Tenant, user: WhatIfUser): string {
  const parts: string[] = [];
  if (user.breakGlass) parts.push("break-glass account");
  if (user.guest) parts.push("guest");
  if (user.groups?.length) parts.push(`member of ${user.groups.map((g) => `${g} (${tenant.groups[g].displayName})`).join(", ")}`);
  if (user.roles?.length) parts.push(`roles ${user.roles.map(roleName).join(", ")}`);
  return parts.length ? parts.join("; ") : "staff member";
}

const roleName = roleNameOf;

function describeSignIn(s: WhatIfSignIn): string {
  const parts = [`app ${s.app ?? "All"}`];
  for (const k of ["client", "platform", "device", "country", "ip", "risk", "flow"] as const) if (s[k]) parts.push(`${k} ${s[k]}`);
  return parts.join(", ");
}

function grantText(g: WhatIfResult["grants"][number]): string {
  const parts = [
    ...(g.authenticationStrength ? [`${strengthName(g.authenticationStrength)} (${g.authenticationStrength})`] : []),
    ...g.controls,
  ];
  return parts.join(g.operator === "AND" ? " and " : " or ");
}

function sessionText(s: WhatIfResult["sessionControls"]): string {
  const parts: string[] = [];
  if (s.applicationEnforcedRestrictions) parts.push("app-enforced restrictions (no downloads on unmanaged devices)");
  if (s.persistentBrowser) parts.push(s.persistentBrowser === "never" ? "no persistent browser session" : "persistent browser session");
  const f = s.signInFrequency;
  if (f) parts.push(f === "everyTime" ? "sign in every time" : `sign in again every ${f.value} ${f.type}`);
  return parts.join(", ");
}

function readable(tenant: Tenant, user: WhatIfUser, signIn: WhatIfSignIn, r: WhatIfResult): string {
  const lines = [`${tenant.name}: ${describeUser(tenant, user)}; ${describeSignIn(signIn)}`];
  if (r.result === "block") {
    lines.push(`BLOCK by ${r.blockedBy.join(", ")}`);
    for (const g of r.unmetGrants) lines.push(`  ${g.policy}: requires ${grantText(g)}, which an unmanaged device cannot meet: the sign-in is refused`);
  } else if (r.result === "grant") lines.push("GRANT after all of:", ...r.grants.map((g) => `  ${g.policy}: ${grantText(g)}`));
  else lines.push("ALLOW: no enforced policy blocks or requires a grant control");
  const session = sessionText(r.sessionControls);
  if (session && r.result !== "block") lines.push(`Session: ${session}`);
  if (r.reportOnly.length) lines.push(`Report-only (logged, not enforced): ${r.reportOnly.join(", ")}`);
  if (r.unknown.length) lines.push("Unknown (give the flag to decide):", ...r.unknown.map((u) => `  ${u}`));
  return lines.join("\n") + "\n";
}

export interface CoverageMatrix {
  readonly markdown: string;
  /** "persona × scenario" pairs where no enforced policy requires MFA or blocks. */
  readonly gaps: string[];
}

/** One persona in one scenario: the what-if answer and what the matrix reads from it. */
export interface CoverageCell {
  readonly scenario: string;
  readonly result: WhatIfResult;
  /** Grants only a managed device meets, asked of an unmanaged one: Entra refuses the sign-in (the result's unmetGrants). */
  readonly unmetDeviceGrants: WhatIfResult["grants"];
  /** Blocked (by a block control or an unmet device grant), or MFA required: not a gap. */
  readonly covered: boolean;
}

export interface CoverageRow {
  readonly persona: string;
  readonly breakGlass: boolean;
  readonly cells: readonly CoverageCell[];
}

/**
 * Every persona × scenario of the personas file, evaluated by the what-if: the data behind
 * `werkplek whatif --matrix` (English) and the conditional access page of `werkplek docs` (Dutch).
 */
export interface Coverage {
  readonly scenarios: readonly [string, PersonasFile["scenarios"][string]][];
  readonly rows: readonly CoverageRow[];
  /** "persona × scenario" pairs where no enforced policy requires MFA or blocks. */
  readonly gaps: readonly { persona: string; scenario: string }[];
  /** The same, for break-glass personas: excluded from every policy by design. */
  readonly byDesign: readonly { persona: string; scenario: string }[];
  /** Personas whose groups this tenant does not have, with those groups. */
  readonly skipped: readonly { persona: string; missingGroups: string[] }[];
}

export function coverage(policies: readonly EvaluatedPolicy[], tenant: Tenant, file: PersonasFile): Coverage {
  const scenarios = Object.entries(file.scenarios);
  const rows: CoverageRow[] = [];
  const gaps: { persona: string; scenario: string }[] = [];
  const byDesign: { persona: string; scenario: string }[] = [];
  const skipped: { persona: string; missingGroups: string[] }[] = [];
  for (const [pk, persona] of Object.entries(file.personas)) {
    const missing = (persona.groups ?? []).filter((g) => !(g in tenant.groups));
    if (missing.length) {
      skipped.push({ persona: pk, missingGroups: missing });
      continue;
    }
    const cells = scenarios.map(([sk, scenario]): CoverageCell => {
      const result = whatIf(policies, tenant, persona, scenario);
      const unmetDeviceGrants = result.unmetGrants;
      const covered = result.result === "block" || result.grants.some((g) => g.controls.includes("mfa") || g.authenticationStrength);
      if (!covered) (persona.breakGlass ? byDesign : gaps).push({ persona: pk, scenario: sk });
      return { scenario: sk, result, unmetDeviceGrants, covered };
    });
    rows.push({ persona: pk, breakGlass: persona.breakGlass ?? false, cells });
  }
  return { scenarios, rows, gaps, byDesign, skipped };
}

/** Every persona × scenario of the personas file, with the outcome, and the gaps. */
export function coverageMatrix(policies: readonly EvaluatedPolicy[], tenant: Tenant, file: PersonasFile): CoverageMatrix {
  const c = coverage(policies, tenant, file);
  const scenarios = c.scenarios;
  const rows = c.rows.map((r) => `| ${r.persona} | ${r.cells.map((x) => cell(x.result)).join(" | ")} |`);
  const gaps = c.gaps.map((g) => `${g.persona} × ${g.scenario}`);
  const skipped = c.skipped.map((s) => `${s.persona} (groups not in this tenant: ${s.missingGroups.join(", ")})`);
  const header = `| persona | ${scenarios.map(([k]) => k).join(" | ")} |`;
  const sep = `| --- | ${scenarios.map(() => "---").join(" | ")} |`;
  const out = [`# Conditional access coverage: ${tenant.name}`, "", header, sep, ...rows, ""];
  out.push("Scenarios:", ...scenarios.map(([k, s]) => `- ${k}: ${s.description}`), "");
  if (skipped.length) out.push(`Skipped personas: ${skipped.join("; ")}`, "");
  out.push(
    gaps.length ? `Gaps (no enforced policy requires MFA or blocks): ${gaps.length}` : "Gaps: none (every combination needs MFA or is blocked)",
    ...gaps.map((g) => `- ${g}`),
  );
  if (c.byDesign.length) out.push("", `Not covered by design (break-glass is excluded from every policy): ${c.byDesign.length} combinations`);
  return { markdown: out.join("\n") + "\n", gaps };
}

function cell(r: WhatIfResult): string {
  let text: string;
  const id = (policy: string) => policy.split(" ")[0];
  // policies that block outright, apart from those that only ask for a device the sign-in lacks
  const blocks = r.blockedBy.filter((b) => !r.unmetGrants.some((g) => g.policy === b));
  if (blocks.length) text = `block (${blocks.map(id).join(", ")})`;
  else if (r.unmetGrants.length) text = `block: managed device required (${unique(r.unmetGrants.map((g) => id(g.policy))).join(", ")})`;
  else if (r.result === "allow") text = "allow";
  else text = `grant: ${unique(r.grants.map(grantLabel)).join(" + ")}`;
  if (r.result !== "block" && Object.keys(r.sessionControls).length) text += ", limited session";
  if (r.unknown.length) text += ` (${r.unknown.length} unknown)`;
  return text;
}

function grantLabel(g: WhatIfResult["grants"][number]): string {
  const parts = [...(g.authenticationStrength ? [strengthName(g.authenticationStrength)] : []), ...g.controls.map((c) => CONTROL_LABELS[c] ?? c)];
  return parts.join(g.operator === "AND" ? " and " : " or ");
}

const CONTROL_LABELS: Record<string, string> = {
  compliantDevice: "compliant device",
  domainJoinedDevice: "hybrid-joined device",
  mfa: "MFA",
  passwordChange: "password change",
};

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
