/**
 * `werkplek init <name>`: a new municipality's tenant file, made from the example's structure
 * (tenants/kraainem.yaml, comments kept) with this municipality's name and domain filled in and
 * every value the example holds for Kraainem replaced: ids become marked placeholders (unique to
 * this file, so the cross-file checks do not mistake them for a copied tenant), and no conditional
 * access policy is enforced (all report-only until promoted one by one).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from "yaml";
import { Command, parseFlags, UsageError } from "./command";
import { listTenantFiles, loadTenants, TENANTS_DIR } from "../tenants/load";
import { findPlaceholders } from "../tenants/placeholders";

/** The example the new file takes its structure and defaults from. */
export const EXAMPLE_TENANT_FILE = path.join(__dirname, "..", "tenants", "kraainem.yaml");
const EXAMPLE = { name: "kraainem", displayName: "Gemeente Kraainem", short: "Kraainem", prefix: "KRA" };

export const initCommand: Command = {
  name: "init",
  summary: "write tenants/<name>.yaml for a new municipality: placeholders marked, every policy report-only",
  usage: `Usage: werkplek init <name> [--display-name <text>] [--domain <dns name>]

Writes tenants/<name>.yaml with the example's structure and comments: this municipality's name,
display name and domain filled in, every id a marked placeholder, and no conditional access
policy enforced (all report-only). Fill in the placeholders ('werkplek validate --strict' lists
them with their lines), then validate and synthesize. See docs/onboarding.md.

Arguments:
  <name>                 tenant key and file name: lowercase letters, digits and dashes

Options:
  --display-name <text>  e.g. "Gemeente Zaventem" (default: "Gemeente <Name>")
  --domain <dns name>    the municipality's primary domain, e.g. zaventem.be (default: a
                         placeholder <name>.example that --strict refuses)
  -h, --help             show this help

Exit codes: 0 written, 2 bad name or flag, or the file already exists.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags("init", argv, { "display-name": { type: "string" }, domain: { type: "string" } }, true);
    if (positionals.length !== 1) throw new UsageError("init: give exactly one tenant name, e.g. 'werkplek init zaventem'; see 'werkplek init --help'");
    const name = positionals[0];
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new UsageError(`init: tenant name "${name}" must be lowercase letters, digits and dashes ([a-z0-9-]+), e.g. zaventem`);
    const domain = values.domain;
    if (domain !== undefined && !/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(domain)) throw new UsageError(`init: --domain "${domain}" must be a lowercase DNS name like zaventem.be`);
    const displayName = values["display-name"];
    if (displayName !== undefined && displayName.trim() === "") throw new UsageError('init: --display-name must not be empty, e.g. --display-name "Gemeente Zaventem"');

    const target = path.join(TENANTS_DIR, `${name}.yaml`);
    const existing = listTenantFiles().find((f) => path.basename(f).replace(/\.ya?ml$/, "") === name);
    if (existing) throw new UsageError(`init: ${path.relative(process.cwd(), existing) || existing} already exists; edit it, or choose another name`);
    const prefixes = new Set(loadTenantsQuietly().map((t) => t.devices?.displayNamePrefix.toUpperCase()).filter((p): p is string => !!p));

    const text = newTenantFile(name, { displayName, domain, takenPrefixes: prefixes });
    fs.writeFileSync(target, text);
    const shown = path.relative(process.cwd(), target) || target;
    const count = findPlaceholders(target, shown).length;
    io.out(
      `werkplek init: wrote ${shown}: ${count} placeholder(s) to fill in ('werkplek validate --strict' lists them); ` +
        "every conditional access policy runs report-only until you promote it\n",
    );
    return 0;
  },
};

/** The other tenants' Intune prefixes must differ from the new one; an invalid folder is not init's business. */
function loadTenantsQuietly(): ReturnType<typeof loadTenants> {
  try {
    return loadTenants();
  } catch {
    return [];
  }
}

export interface NewTenantOptions {
  readonly displayName?: string;
  readonly domain?: string;
  /** Intune name prefixes other tenant files use. @default - none */
  readonly takenPrefixes?: ReadonlySet<string>;
}

/** The text of a new tenant file, from the example file's structure. */
export function newTenantFile(name: string, options: NewTenantOptions = {}, example: string = fs.readFileSync(EXAMPLE_TENANT_FILE, "utf8")): string {
  const title = name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash ? " " : ""}${c.toUpperCase()}`);
  const displayName = options.displayName?.trim() ?? `Gemeente ${title}`;
  const short = displayName.replace(/^(Gemeente|Stad|Commune de|Ville de)\s+/i, "");
  const domain = options.domain ?? `${name}.example`;
  const prefix = intunePrefix(name, options.takenPrefixes ?? new Set());
  const doc = parseDocument(example);

  const placeholderId = (field: string) => `00000000-0000-0000-0000-${createHash("sha256").update(`${name}:${field}`).digest("hex").slice(0, 12)}`;
  const set = (p: (string | number)[], value: unknown, comment?: string) => {
    const node = doc.createNode(value) as Scalar;
    if (comment) node.comment = ` ${comment}`;
    doc.setIn(p, node);
  };

  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (!isScalar(first)) throw new Error(`${EXAMPLE_TENANT_FILE}: expected a mapping of tenant fields`);
  first.commentBefore =
    " yaml-language-server: $schema=./tenant.schema.json\n" +
    ` ${displayName}: written by 'werkplek init ${name}' from the example's structure.\n` +
    " Every value marked PLACEHOLDER (and every id that starts with zeros) is made up: replace it with\n" +
    " the real value before the first deploy; 'werkplek validate --strict' lists what is left.\n" +
    " Conditional access: every policy runs report-only until you promote it under conditionalAccess.";
  set(["name"], name);
  set(["displayName"], displayName);
  set(["tenantId"], placeholderId("tenantId"), "PLACEHOLDER: Entra admin center → Overview → Tenant ID");
  set(["subscriptionId"], placeholderId("subscriptionId"), "PLACEHOLDER: az account show --query id");
  set(["primaryDomain"], domain, options.domain ? undefined : "PLACEHOLDER: the municipality's own domain, e.g. zaventem.be");
  set(["tags", "owner"], `ict@${domain}`);
  set(["tags", "municipality"], short);
  set(["helpdesk", "name"], `ICT-dienst ${displayName}`);
  set(["helpdesk", "email"], `ict@${domain}`);
  set(["breakGlass", "groupObjectId"], placeholderId("breakGlass.groupObjectId"), "PLACEHOLDER: the emergency-access group (made by hand)");
  set(["breakGlass", "accountObjectIds", 0], placeholderId("breakGlass.accountObjectIds.0"), `PLACEHOLDER: breakglass1@${name}.onmicrosoft.com`);
  set(["breakGlass", "accountObjectIds", 1], placeholderId("breakGlass.accountObjectIds.1"), `PLACEHOLDER: breakglass2@${name}.onmicrosoft.com`);
  const policies = doc.createNode({});
  doc.setIn(["conditionalAccess", "policies"], policies);
  if (doc.hasIn(["devices"])) {
    set(["devices", "displayNamePrefix"], prefix, `profiles are named "${prefix} - Windows - Naleving", ...`);
    set(["devices", "autopilot", "deviceNameTemplate"], `${prefix}-%RAND:6%`, `max. 15 tekens, bv. ${prefix}-482913`);
  }
  if (doc.hasIn(["remoteAccess"])) {
    set(["remoteAccess", "hostname"], `werkplek.${domain}`, "PLACEHOLDER: the Awingu host name staff use");
    const key = String(doc.getIn(["remoteAccess", "sshPublicKey"]) ?? "");
    set(["remoteAccess", "sshPublicKey"], key.replace(/\S+@\S+$/, `placeholder@${name}`), "PLACEHOLDER");
  }
  set(["teams", "groupCreation", "usageGuidelinesUrl"], `https://intranet.${domain}/afspraken-teams`, "PLACEHOLDER");
  set(["teams", "guests", "usageGuidelinesUrl"], `https://www.${domain}/privacy`, "PLACEHOLDER");
  set(["teams", "expiration", "notificationEmails"], [`ict@${domain}`]);
  for (const [key, team] of mapEntries(doc, ["teams", "teams"])) {
    const owners = isMap(team) ? team.get("owners", true) : undefined;
    if (isSeq(owners)) owners.items.forEach((_, i) => set(["teams", "teams", key, "owners", i], placeholderId(`teams.teams.${key}.owners.${i}`), "PLACEHOLDER: owner's user object id"));
  }
  set(["teams", "externalAccess", "allowedDomains"], ["ict-partner.example"]);
  (doc.getIn(["teams", "externalAccess", "allowedDomains", 0], true) as Scalar).comment = " PLACEHOLDER: the IT partner, neighbouring municipalities, the Flemish government";

  // the example's own name may still stand in comments ("stack kraainem-devices")
  return withoutExampleName(doc, name, short, prefix);
}

function mapEntries(doc: Document, p: string[]): [string, unknown][] {
  const node = doc.getIn(p, true);
  return isMap(node) ? node.items.map((i) => [isScalar(i.key) ? String(i.key.value) : String(i.key), i.value]) : [];
}

function withoutExampleName(doc: Document, name: string, short: string, prefix: string): string {
  return doc
    .toString({ lineWidth: 0 })
    .replace(new RegExp(EXAMPLE.displayName, "g"), `Gemeente ${short}`)
    .replace(new RegExp(EXAMPLE.short, "g"), short)
    .replace(new RegExp(EXAMPLE.name, "g"), name)
    .replace(new RegExp(`\\b${EXAMPLE.prefix}\\b`, "g"), prefix);
}

/** A 3-letter Intune prefix from the name, longer or numbered when another tenant has it. */
function intunePrefix(name: string, taken: ReadonlySet<string>): string {
  const letters = name.replace(/[^a-z0-9]/g, "").toUpperCase() || "GEM";
  for (let n = 3; n <= Math.min(letters.length, 12); n++) if (!taken.has(letters.slice(0, n))) return letters.slice(0, n);
  for (let i = 2; ; i++) if (!taken.has(`${letters.slice(0, 3)}${i}`)) return `${letters.slice(0, 3)}${i}`;
}
