import { Token } from "cdktf";
import type { ConditionalAccessPolicySpec } from "../../constructs/conditional-access/spec";
import { WELL_KNOWN_APPS } from "../../facts/applications";
import { AUTHENTICATION_STRENGTHS } from "../../facts/authentication-strengths";
import type { WhatIfGrant, WhatIfSession } from "../../constructs/conditional-access/whatif";
import { loadPersonas } from "../../policies/conditional-access/personas";
import { roleNameOf } from "../../facts/directory-roles";
import type { Tenant } from "../../tenants/schema";
import { coverage, CoverageCell } from "../whatif";
import { DocsContext } from "./context";
import { table } from "./markdown";

const STATE: Record<ConditionalAccessPolicySpec["state"], string> = {
  enabled: "afgedwongen",
  enabledForReportingButNotEnforced: "alleen rapporteren (nog niet afgedwongen)",
  disabled: "uitgeschakeld",
};

const CLIENT: Record<string, string> = {
  all: "elk programma",
  browser: "een browser",
  mobileAppsAndDesktopClients: "apps en desktopprogramma's",
  exchangeActiveSync: "Exchange ActiveSync",
  other: "oude protocollen (POP, IMAP, SMTP)",
};

const CONTROL: Record<string, string> = {
  block: "toegang blokkeren",
  mfa: "meervoudige verificatie (MFA)",
  compliantDevice: "conform (door Intune beheerd) toestel",
  domainJoinedDevice: "domeingekoppeld toestel",
  passwordChange: "wachtwoord wijzigen",
  compliantApplication: "goedgekeurde app",
};

const STRENGTH: Record<string, string> = {
  [AUTHENTICATION_STRENGTHS.mfa]: "MFA-sterkte",
  [AUTHENTICATION_STRENGTHS.passwordlessMfa]: "wachtwoordloze MFA",
  [AUTHENTICATION_STRENGTHS.phishingResistantMfa]: "phishingbestendige MFA (FIDO2-sleutel, Windows Hello)",
};

function groupName(t: Tenant, key: string): string {
  return t.groups[key]?.displayName ?? key;
}

const roleName = roleNameOf;

function appName(id: string): string {
  if (id === "All") return "alle cloud-apps";
  if (id === "Office365") return "Office 365 (Exchange, SharePoint, Teams, ...)";
  if (id === WELL_KNOWN_APPS.azureManagement) return "Azure-beheer (portaal, CLI, PowerShell)";
  if (Token.isUnresolved(id)) return "de Awingu-werkplek";
  return `app ${id}`;
}

/** What a policy asks, in words: its grant controls (none for a session-only policy) and its session limits. */
function requirements(p: ConditionalAccessPolicySpec): { grant?: string; session: string[] } {
  const g = p.grantControls;
  const grant = g
    ? [...(g.authenticationStrength ? [STRENGTH[g.authenticationStrength] ?? g.authenticationStrength] : []), ...(g.builtInControls ?? []).map((x) => CONTROL[x] ?? x)].join(g.operator === "AND" ? " én " : " of ")
    : undefined;
  return { grant, session: sessionLimits(p.sessionControls ?? {}) };
}

/** Session controls in words (of one policy, or merged by the what-if). */
export function sessionLimits(s: WhatIfSession): string[] {
  return [
    ...(s.applicationEnforcedRestrictions ? ["alleen lezen in de browser, niets downloaden"] : []),
    ...(s.signInFrequency ? [s.signInFrequency === "everyTime" ? "telkens opnieuw aanmelden" : `opnieuw aanmelden na ${s.signInFrequency.value} ${s.signInFrequency.type === "hours" ? "uur" : "dagen"}`] : []),
    ...(s.persistentBrowser === "never" ? ["geen blijvende browsersessie"] : []),
  ];
}

/** The "vereist" column: the grant, and the session limits (a session-only policy: "geen; wel: ..."). */
function requiredSummary(p: ConditionalAccessPolicySpec): string {
  const { grant, session } = requirements(p);
  if (!grant) return session.length ? `geen; wel: ${session.join(", ")}` : "geen voorwaarde";
  return session.length ? `${grant}, en ${session.join(", ")}` : grant;
}

/** One policy in words, from the spec the stack synthesizes. */
export function describePolicy(t: Tenant, p: ConditionalAccessPolicySpec): string[] {
  const c = p.conditions;
  const u = c.users;
  const who = [
    ...(u.includeUsers ?? []).map((x) => (x === "All" ? "iedereen" : "gasten en externe gebruikers")),
    ...(u.includeGroups ?? []).map((g) => `groep ${groupName(t, g)}`),
    ...(u.includeRoles?.length ? [`beheerders met een van ${u.includeRoles.length} gevoelige rollen (${u.includeRoles.slice(0, 3).map(roleName).join(", ")}, ...)`] : []),
    ...(u.includeGuestsOrExternalUsers?.length ? ["gasten"] : []),
  ];
  const except = ["de noodaccounts", ...(u.excludeGroups ?? []).map((g) => `groep ${groupName(t, g)}`), ...(u.excludeGuestsOrExternalUsers?.length ? ["gasten"] : [])];
  const apps = c.applications.includeUserActions
    ? c.applications.includeUserActions.map((a) => (a === "urn:user:registersecurityinfo" ? "beveiligingsgegevens registreren (MFA instellen)" : "een toestel registreren"))
    : c.applications.includeApplications.map(appName);
  const when: string[] = [];
  if (!c.clientAppTypes.includes("all")) when.push(`met ${c.clientAppTypes.map((x) => CLIENT[x]).join(" of ")}`);
  if (c.platforms) when.push(`op ${c.platforms.includePlatforms.includes("all") ? "elk platform" : c.platforms.includePlatforms.join(", ")}${c.platforms.excludePlatforms?.length ? ` behalve ${c.platforms.excludePlatforms.join(", ")}` : ""}`);
  if (c.locations) {
    const loc = (l: string) => ({ All: "overal", AllTrusted: "vertrouwde locaties", allowedCountries: `toegelaten landen (${t.allowedCountries.join(", ")})`, trustedOffice: "het kantoornetwerk" })[l] ?? l;
    when.push(`vanuit ${c.locations.includeLocations.map(loc).join(", ")}${c.locations.excludeLocations?.length ? ` behalve ${c.locations.excludeLocations.map(loc).join(", ")}` : ""}`);
  }
  if (c.devices) when.push("op een toestel dat niet door de gemeente beheerd wordt");
  if (c.userRiskLevels?.length) when.push(`bij gebruikersrisico ${c.userRiskLevels.join(", ")}`);
  if (c.signInRiskLevels?.length) when.push(`bij aanmeldrisico ${c.signInRiskLevels.join(", ")}`);
  if (c.authenticationFlows) when.push(`bij ${c.authenticationFlows.transferMethods.map((m) => (m === "deviceCodeFlow" ? "aanmelden met een apparaatcode" : "authenticatieoverdracht")).join(", ")}`);
  const { grant, session } = requirements(p);
  return [
    `- **Staat:** ${STATE[p.state]}`,
    `- **Wie:** ${who.join(", ")}; niet voor ${except.join(", ")}`,
    `- **Wat:** ${apps.join(", ")}`,
    ...(when.length ? [`- **Wanneer:** ${when.join("; ")}`] : []),
    `- **Vereist:** ${grant ?? (session.length ? "geen; wel de sessiebeperkingen hieronder" : "geen voorwaarde")}`,
    ...(session.length ? [`- **Sessie:** ${session.join(", ")}`] : []),
    `- **Controles:** ${p.controls.join(", ") || "—"}`,
  ];
}

/** Short names in the matrix cells. */
const CELL_STRENGTH: Record<string, string> = {
  [AUTHENTICATION_STRENGTHS.mfa]: "MFA",
  [AUTHENTICATION_STRENGTHS.passwordlessMfa]: "wachtwoordloze MFA",
  [AUTHENTICATION_STRENGTHS.phishingResistantMfa]: "phishingbestendige MFA",
};
const CELL_CONTROL: Record<string, string> = {
  mfa: "MFA",
  compliantDevice: "beheerd toestel",
  domainJoinedDevice: "domeingekoppeld toestel",
  passwordChange: "wachtwoord wijzigen",
  compliantApplication: "goedgekeurde app",
};
/** MFA kinds that include plain MFA: a cell that asks one of them does not also list "MFA". */
const STRONGER_MFA = new Set(["wachtwoordloze MFA", "phishingbestendige MFA"]);
const DEVICE_CONTROLS = new Set(["compliantDevice", "domainJoinedDevice"]);

/** The legend's words, each with its meaning; only the terms the matrix uses are shown. */
const LEGEND: Record<string, string> = {
  "geweigerd (CA…)": "een afgedwongen regel weigert de aanmelding; tussen haakjes staat welke",
  "geweigerd: beheerd toestel vereist (CA…)":
    "de regel tussen haakjes laat alleen een toestel toe dat de gemeente beheert, en dit toestel is dat niet: de aanmelding wordt geweigerd",
  toegelaten: "geen afgedwongen regel vraagt iets: het wachtwoord volstaat",
  MFA: "aanmelden met wachtwoord én een tweede bewijs (Authenticator-app of beveiligingssleutel)",
  "wachtwoordloze MFA": "aanmelden zonder wachtwoord (Authenticator-app, FIDO2-sleutel, Windows Hello)",
  "phishingbestendige MFA": "aanmelden met een FIDO2-sleutel of Windows Hello; gewone MFA volstaat niet",
  "beheerd toestel": "alleen op een toestel dat de gemeente beheert (conform in Intune of domeingekoppeld)",
  "domeingekoppeld toestel": "alleen op een toestel in het domein van de gemeente",
  "wachtwoord wijzigen": "eerst het wachtwoord wijzigen",
  "goedgekeurde app": "alleen met een door de gemeente goedgekeurde app",
  "A of B": "één van beide volstaat",
  "A + B": "alles samen is nodig",
  // the session terms are explained by the limits the what-if merged for the cells that carry them
  "beperkte browsersessie": "",
  "beperkte sessie": "",
  "(n onbekend)": "n voorwaarden kan de what-if met de gegevens van het scenario niet beslissen (zie `npx werkplek whatif`)",
};

const policyId = (displayName: string) => displayName.split(" ")[0];

/** One grant in words; the two managed-device controls as alternatives are one "beheerd toestel". */
function grantWords(g: WhatIfGrant, used: Set<string>): string {
  const devices = g.controls.filter((c) => DEVICE_CONTROLS.has(c));
  const controls = g.operator === "OR" && devices.length === 2 ? [...g.controls.filter((c) => !DEVICE_CONTROLS.has(c)), "compliantDevice"] : g.controls;
  const parts = [...(g.authenticationStrength ? [CELL_STRENGTH[g.authenticationStrength] ?? g.authenticationStrength] : []), ...controls.map((c) => CELL_CONTROL[c] ?? c)];
  parts.forEach((x) => used.add(x));
  if (parts.length > 1) used.add(g.operator === "AND" ? "A + B" : "A of B");
  return parts.join(g.operator === "AND" ? " + " : " of ");
}

/** A matrix cell in Dutch: the same what-if answer as `werkplek whatif --matrix`, other words. */
function cellWords(c: CoverageCell, used: Set<string>, sessions: Map<string, Set<string>>): string {
  const r = c.result;
  let text: string;
  // policies that block outright, apart from those that only ask for a device the sign-in lacks
  const blocks = r.blockedBy.filter((b) => !c.unmetDeviceGrants.some((g) => g.policy === b));
  if (blocks.length > 0) {
    text = `geweigerd (${blocks.map(policyId).join(", ")})`;
    used.add("geweigerd (CA…)");
  } else if (c.unmetDeviceGrants.length > 0) {
    text = `geweigerd: beheerd toestel vereist (${[...new Set(c.unmetDeviceGrants.map((g) => policyId(g.policy)))].join(", ")})`;
    used.add("geweigerd: beheerd toestel vereist (CA…)");
  } else if (r.result === "allow") {
    text = "toegelaten";
    used.add(text);
  } else {
    const labels = [...new Set(r.grants.map((g) => grantWords(g, used)))];
    const shown = labels.some((l) => STRONGER_MFA.has(l)) ? labels.filter((l) => l !== "MFA") : labels;
    if (shown.length > 1) used.add("A + B");
    text = shown.join(" + ");
  }
  const limits = sessionLimits(r.sessionControls);
  if (text.startsWith("geweigerd") === false && limits.length) {
    const term = r.sessionControls.applicationEnforcedRestrictions || r.sessionControls.persistentBrowser ? "beperkte browsersessie" : "beperkte sessie";
    text += `, ${term}`;
    used.add(term);
    if (!sessions.has(term)) sessions.set(term, new Set());
    limits.forEach((l) => sessions.get(term)!.add(l));
  }
  if (r.unknown.length) {
    text += ` (${r.unknown.length} onbekend)`;
    used.add("(n onbekend)");
  }
  return text;
}

/** The persona × scenario matrix, its legend and its gaps, in Dutch, from the what-if's coverage data. */
export function coverageInDutch(t: Tenant, c: ReturnType<typeof coverage>, personas: ReturnType<typeof loadPersonas>["personas"]): string {
  const used = new Set<string>();
  const sessions = new Map<string, Set<string>>();
  const rows = c.rows.map((r) => [r.persona, ...r.cells.map((x) => cellWords(x, used, sessions))]);
  const matrix = table(["persona", ...c.scenarios.map(([k]) => k)], rows);
  const legend = Object.entries(LEGEND)
    .filter(([term]) => used.has(term))
    .map(([term, meaning]) => `- **${term}**: ${sessions.has(term) ? [...sessions.get(term)!].join(", ") : meaning}`);
  const pair = (x: { persona: string; scenario: string }) => `${x.persona} × ${x.scenario}`;
  const scenario = Object.fromEntries(c.scenarios);
  const out = [
    matrix,
    "",
    "Betekenis van de cellen:",
    "",
    ...legend,
    "",
    "Persona's:",
    "",
    ...c.rows.map((r) => `- ${r.persona}: ${personas[r.persona].description}`),
    "",
    "Scenario's:",
    "",
    ...c.scenarios.map(([k, s]) => `- ${k}: ${s.description}`),
    "",
  ];
  if (c.skipped.length) {
    out.push(`Overgeslagen persona's: ${c.skipped.map((s) => `${s.persona} (groepen die ${t.displayName} niet heeft: ${s.missingGroups.join(", ")})`).join("; ")}`, "");
  }
  out.push(
    c.gaps.length
      ? `Gaten (geen afgedwongen regel vraagt MFA of weigert): ${c.gaps.length}`
      : "Gaten: geen (elke combinatie vraagt MFA of wordt geweigerd)",
    ...(c.gaps.length ? [""] : []),
    ...c.gaps.map((g) => `- ${pair(g)}: ${personas[g.persona].description}; ${scenario[g.scenario].description}`),
  );
  if (c.byDesign.length) {
    out.push("", `Bewust niet gedekt (de noodaccounts vallen buiten elke regel): ${c.byDesign.length} combinaties`);
  }
  return out.join("\n");
}

export function conditionalAccessPage(ctx: DocsContext): string {
  const t = ctx.tenant;
  const policies = ctx.stacks.conditionalAccess.policies;
  const summary = table(
    ["regel", "staat", "vereist"],
    policies.map(({ spec }) => [spec.displayName, STATE[spec.state], requiredSummary(spec)]),
  );
  const personas = loadPersonas();
  const matrix = coverageInDutch(t, coverage(policies, t, personas), personas.personas);
  return `# Voorwaardelijke toegang

Wie mag zich aanmelden, van waar en op welk toestel. Elke regel sluit de noodaccounts uit.
Nieuwe regels draaien eerst in "alleen rapporteren"; afdwingen is een aparte, nagekeken wijziging
in \`tenants/${t.name}.yaml\`.

${summary}

## De regels in woorden

${policies.map(({ spec }) => `### ${spec.displayName}\n\n${describePolicy(t, spec).join("\n")}`).join("\n\n")}

## Persona's en scenario's

Wat de what-if van werkplek (\`npx werkplek whatif\`) voor elke persona in elk scenario besluit,
met dezelfde regels als hierboven: dezelfde evaluatie als \`npx werkplek whatif --tenant ${t.name} --matrix\`,
in andere woorden.

${matrix}
`;
}
