/**
 * Intune Remote Help (issue 18): the tenant file's `devices.remoteHelp`, and what the devices
 * stack synthesizes from it: the remoteAssistanceSettings singleton, the two custom Intune roles
 * and their assignments (members, scope, elevation), and nothing at all when it is off.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { main } from "../cli/main";
import { docsContext } from "../cli/docs/context";
import { renderPages } from "../cli/docs/index";
import { compare } from "../cli/review/compare";
import { risksOf } from "../cli/review/risks";
import { readStackSet, type StackSet } from "../cli/review/stack-set";
import { buildTenant } from "../stacks/tenant";
import { REMOTE_HELP_ACTIONS } from "../facts/intune-remote-help";
import { RULES } from "../guardrails/registry";
import { contextFor } from "../guardrails/run";
import { TenantSchema, type Tenant } from "../tenants/schema";
import type { StackJson, SynthesizedStack } from "../stacks/synthesized";
import { kraainem, ROOT, tableAfter, tempDir } from "./helpers";
import { groupKeyOf, rawWithRemoteHelp, withRemoteHelp } from "./remote-help-fixture";
import { readTenantStacks } from "../stacks/synthesized";

/** Tenants the tests synthesize, each once per run (full app synth into a temporary folder). */
const PRIVATE_COMPUTERS = { unenrolledDevices: { allowed: true, userGroups: ["personeel"], reason: "thuiswerk op een eigen pc zonder Awingu-app" } };
const VARIANTS: Record<string, () => Tenant> = {
  off: () => kraainem(),
  on: () => withRemoteHelp(),
  noChat: () => withRemoteHelp({ chat: false }),
  noElevation: () => withRemoteHelp({ elevationGroups: [] }),
  private: () => withRemoteHelp({ ...PRIVATE_COMPUTERS, deviceGroups: ["laptops", "update-pilot"] }),
  partner: () => withRemoteHelp({ elevationGroups: ["ict-beheerders", "partner-ondersteuning"] }),
  narrower: () => withRemoteHelp({ helpdeskGroups: ["ict-beheerders"] }),
};
const synthRoot = tempDir("werkplek-remote-help-");
const synthesized = new Set<string>();
afterAll(() => fs.rmSync(synthRoot, { recursive: true, force: true }));

/** The output folder of a variant, synthesized on first use. */
function outdirOf(variant: keyof typeof VARIANTS): string {
  const dir = path.join(synthRoot, variant);
  if (!synthesized.has(variant)) {
    const app = new App({ outdir: dir });
    buildTenant(app, VARIANTS[variant]());
    app.synth();
    synthesized.add(variant);
  }
  return dir;
}
/** A variant's stacks as the guardrails read them: a fresh copy on every call, free to break. */
const stacksOf = (variant: keyof typeof VARIANTS): SynthesizedStack[] => readTenantStacks(outdirOf(variant), "kraainem");
/** A variant's stack JSON by area (`devices`, `identity`, ...). */
const synthAll = (variant: keyof typeof VARIANTS): Record<string, StackJson> => Object.fromEntries(stacksOf(variant).map((st) => [st.area!, st.json]));

type Graph = { url: string; api_version?: string; body: Record<string, any> };

const REMOTE_HELP_URLS = ["deviceManagement/remoteAssistanceSettings", "deviceManagement/roleDefinitions", "deviceManagement/roleAssignments"];

function graphResources(json: StackJson): [string, string, Graph][] {
  return ["msgraph_resource", "msgraph_update_resource"].flatMap((type) => Object.entries((json.resource?.[type] ?? {}) as Record<string, Graph>).map(([name, r]) => [type, name, r] as [string, string, Graph]));
}
const byUrl = (json: StackJson, url: string) => graphResources(json).filter(([, , r]) => r.url === url);

/** Issues of the tenant schema for a raw tenant, as "path: message". */
function issues(raw: unknown): string[] {
  const r = TenantSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("the tenant file's devices.remoteHelp", () => {
  test("is off unless the tenant file turns it on: absent gives enabled false, chat on, nothing to unenrolled devices", () => {
    const raw = rawWithRemoteHelp();
    delete (raw.devices as Record<string, unknown>).remoteHelp;
    const t = TenantSchema.parse(raw);
    expect(t.devices!.remoteHelp).toEqual({ enabled: false, chat: true, helpdeskGroups: [], elevationGroups: [], unenrolledDevices: { allowed: false, userGroups: [] } });
    expect(kraainem().devices!.remoteHelp.enabled).toBe(false);
  });

  test("enabled needs helpdesk groups; elevation groups must be helpdesk groups", () => {
    expect(issues(rawWithRemoteHelp({ helpdeskGroups: [], elevationGroups: [] }))).toContain("devices.remoteHelp.helpdeskGroups: Remote Help is enabled: name the helpdesk groups that may start sessions");
    expect(issues(rawWithRemoteHelp({ helpdeskGroups: ["partner-ondersteuning"] }))).toEqual([
      'devices.remoteHelp.elevationGroups.0: "ict-beheerders" may elevate but is not a helpdesk group; add it to helpdeskGroups (allowed: partner-ondersteuning)',
    ]);
  });

  test("group keys are checked like the other device groups: unknown, not security, dynamic for who may take over a screen", () => {
    expect(issues(rawWithRemoteHelp({ helpdeskGroups: ["ict-beheerders", "helpdesk"] }))).toEqual([expect.stringMatching(/^devices\.remoteHelp\.helpdeskGroups\.1: unknown group "helpdesk"; allowed: gemeenteraad, /)]);
    const raw = rawWithRemoteHelp({ deviceGroups: ["laptops", "dienst"] }) as { groups: Record<string, unknown> };
    raw.groups.dienst = { displayName: "GRP-Dienst", kind: "microsoft365" };
    expect(issues(raw)).toEqual(['devices.remoteHelp.deviceGroups.1: Intune role assignments take security groups; "dienst" is a microsoft365 group']);
    expect(issues(rawWithRemoteHelp({ helpdeskGroups: ["ict-beheerders", "personeel"] }))).toEqual([
      expect.stringContaining('devices.remoteHelp.helpdeskGroups.1: "personeel" has dynamic membership: whoever may take over a staff member\'s screen is added by hand'),
    ]);
    // a dynamic group is fine where it only says which devices or users may be helped
    expect(issues(rawWithRemoteHelp({ deviceGroups: ["laptops"], unenrolledDevices: { allowed: true, userGroups: ["personeel"], reason: "thuiswerk op een eigen pc zonder Awingu-app" } }))).toEqual([]);
  });

  test("sessions to private (unenrolled) computers need a reason and the staff groups they are for", () => {
    expect(issues(rawWithRemoteHelp({ unenrolledDevices: { allowed: true } }))).toEqual([
      "devices.remoteHelp.unenrolledDevices.reason: sessions to private (unenrolled) computers need a reason of at least 10 characters",
      "devices.remoteHelp.unenrolledDevices.userGroups: name the staff groups whose private computers may be helped; Intune scopes sessions to unenrolled devices by user",
    ]);
    expect(issues(rawWithRemoteHelp({ unenrolledDevices: { allowed: true, userGroups: ["personeel"], reason: "kort" } }))).toEqual([
      "devices.remoteHelp.unenrolledDevices.reason: a reason of at least 10 characters is required",
    ]);
  });
});

describe("the devices stack: Remote Help off", () => {
  test("nothing of it is synthesized (the example keeps it off)", () => {
    const devices = synthAll("off").devices;
    expect(graphResources(devices).length).toBeGreaterThan(10); // the other Intune profiles are there
    for (const url of REMOTE_HELP_URLS) expect(byUrl(devices, url)).toEqual([]);
  });
});

describe("the devices stack: Remote Help on", () => {
  const tenant = withRemoteHelp();
  let all: Record<string, StackJson>;
  beforeAll(() => {
    all = synthAll("on");
  });
  const keys = (refs: string[]) => refs.map((r) => groupKeyOf(r, all.identity, tenant));
  const role = (name: string) => all.devices.resource!.msgraph_resource[name] as Graph;
  const allowed = (name: string): string[] => role(name).body.rolePermissions.flatMap((p: any) => p.resourceActions.flatMap((a: any) => a.allowedResourceActions));

  test("the tenant-wide settings: enabled, chat as the tenant file says, no sessions to unenrolled devices", () => {
    expect(byUrl(all.devices, "deviceManagement/remoteAssistanceSettings")).toEqual([
      ["msgraph_update_resource", "remote-help-settings", expect.objectContaining({ api_version: "beta", body: { remoteAssistanceState: "enabled", allowSessionsToUnenrolledDevices: false, blockChat: false } })],
    ]);
    const noChat = synthAll("noChat").devices;
    expect(byUrl(noChat, "deviceManagement/remoteAssistanceSettings")[0][2].body.blockChat).toBe(true);
  });

  test("two custom roles: the helpdesk's without elevation, the IT admins' with elevation; neither has unattended control", () => {
    expect(byUrl(all.devices, "deviceManagement/roleDefinitions").map(([, name]) => name).sort()).toEqual(["remote-help-role-elevation", "remote-help-role-helpdesk"]);
    expect(role("remote-help-role-helpdesk").body["@odata.type"]).toBe("#microsoft.graph.deviceAndAppManagementRoleDefinition");
    expect(allowed("remote-help-role-helpdesk")).toEqual(expect.arrayContaining([REMOTE_HELP_ACTIONS.offer, REMOTE_HELP_ACTIONS.viewScreen, REMOTE_HELP_ACTIONS.takeFullControl]));
    expect(allowed("remote-help-role-helpdesk")).not.toContain(REMOTE_HELP_ACTIONS.elevation);
    expect(allowed("remote-help-role-elevation")).toContain(REMOTE_HELP_ACTIONS.elevation);
    for (const r of ["remote-help-role-helpdesk", "remote-help-role-elevation"]) expect(allowed(r)).not.toContain(REMOTE_HELP_ACTIONS.unattended);
    expect(role("remote-help-role-helpdesk").body.displayName).toBe("KRA - Hulp op afstand");
  });

  test("each assignment: members are the tenant file's groups, scope the device groups, bound to its own role", () => {
    const helpdesk = role("remote-help-assignment-helpdesk").body;
    const elevation = role("remote-help-assignment-elevation").body;
    expect(keys(helpdesk.members)).toEqual(["ict-beheerders", "partner-ondersteuning"]);
    expect(keys(elevation.members)).toEqual(["ict-beheerders"]);
    for (const a of [helpdesk, elevation]) {
      expect(a["@odata.type"]).toBe("#microsoft.graph.deviceAndAppManagementRoleAssignment");
      expect(a.scopeType).toBe("resourceScope");
      expect(keys(a.resourceScopes)).toEqual(["laptops"]);
    }
    expect(helpdesk["roleDefinition@odata.bind"]).toBe("https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('${msgraph_resource.remote-help-role-helpdesk.id}')");
    expect(elevation["roleDefinition@odata.bind"]).toBe("https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('${msgraph_resource.remote-help-role-elevation.id}')");
  });

  test("no elevation groups: no elevation role at all", () => {
    const devices = synthAll("noElevation").devices;
    expect(byUrl(devices, "deviceManagement/roleDefinitions").map(([, name]) => name)).toEqual(["remote-help-role-helpdesk"]);
    expect(byUrl(devices, "deviceManagement/roleAssignments").map(([, name]) => name)).toEqual(["remote-help-assignment-helpdesk"]);
  });

  test("private computers allowed with a reason: the setting follows, and the staff group joins the scope (Intune scopes them by user)", () => {
    const t = VARIANTS.private();
    const s = synthAll("private");
    expect(byUrl(s.devices, "deviceManagement/remoteAssistanceSettings")[0][2].body.allowSessionsToUnenrolledDevices).toBe(true);
    const scope = (s.devices.resource!.msgraph_resource["remote-help-assignment-helpdesk"] as Graph).body.resourceScopes;
    expect(scope.map((r: string) => groupKeyOf(r, s.identity, t))).toEqual(["laptops", "update-pilot", "personeel"]);
  });
});

describe("the guardrails on remote support (WP-INTUNE-007, -008, -009)", () => {
  const rule = (id: string) => RULES.find((r) => r.id === id)!;
  const outcomes = (id: string, tenant: Tenant, stacks: SynthesizedStack[]) => rule(id).check(contextFor(tenant, stacks));
  const failures = (id: string, tenant: Tenant, stacks: SynthesizedStack[]) => outcomes(id, tenant, stacks).filter((o) => !o.ok).map((o) => o.message);
  const devices = (stacks: SynthesizedStack[]) => stacks.find((s) => s.area === "devices")!.json.resource!;
  const on = withRemoteHelp();
  let offStacks: SynthesizedStack[];
  let onStacks: () => SynthesizedStack[];
  beforeAll(() => {
    offStacks = stacksOf("off");
    onStacks = () => stacksOf("on"); // a fresh copy to break
  });

  test("remote support not governed (Remote Help off) is a warning on the devices stack", () => {
    expect(rule("WP-INTUNE-007").level).toBe("warning");
    expect(outcomes("WP-INTUNE-007", kraainem(), offStacks)).toEqual([
      expect.objectContaining({ stack: "kraainem-devices", ok: false, message: expect.stringContaining("Intune Remote Help is off") }),
    ]);
    expect(failures("WP-INTUNE-007", on, onStacks())).toEqual([]);
    const noRoles = onStacks();
    for (const name of ["remote-help-assignment-helpdesk", "remote-help-assignment-elevation"]) delete devices(noRoles).msgraph_resource[name];
    expect(failures("WP-INTUNE-007", on, noRoles)).toEqual(["Remote Help is enabled, but no Intune role assignment in the code says who may start sessions"]);
  });

  test("sessions to unenrolled devices: an error unless the tenant file allows them with a reason", () => {
    expect(outcomes("WP-INTUNE-008", on, onStacks())).toEqual([expect.objectContaining({ ok: true })]);
    const opened = onStacks();
    devices(opened).msgraph_update_resource["remote-help-settings"].body.allowSessionsToUnenrolledDevices = true;
    expect(failures("WP-INTUNE-008", on, opened)).toEqual([expect.stringContaining("allowSessionsToUnenrolledDevices is true, but the tenant file does not allow")]);
    expect(failures("WP-INTUNE-008", VARIANTS.private(), stacksOf("private"))).toEqual([]);
  });

  test("elevation only for the protected groups the tenant file names, never unattended control", () => {
    expect(failures("WP-INTUNE-009", on, onStacks())).toEqual([]);
    const members = (s: SynthesizedStack[]) => devices(s).msgraph_resource["remote-help-assignment-elevation"].body.members as string[];
    const helpdeskMembers = devices(onStacks()).msgraph_resource["remote-help-assignment-helpdesk"].body.members as string[];
    // the partner's engineers are a protected admin group too, but the tenant file does not let them elevate
    const partner = onStacks();
    members(partner).push(helpdeskMembers[1]);
    expect(failures("WP-INTUNE-009", on, partner)).toEqual([
      "KRA - Hulp op afstand met beheerdersrechten - toewijzing gives elevation to ADM-Partner-Ondersteuning, which devices.remoteHelp.elevationGroups does not name (allowed: ict-beheerders)",
    ]);
    // a tenant file that names an ordinary group cannot make it an elevation group either
    const ordinary = onStacks();
    const laptops = devices(ordinary).msgraph_resource["remote-help-assignment-elevation"].body.resourceScopes[0];
    members(ordinary).splice(0, 1, laptops);
    expect(failures("WP-INTUNE-009", on, ordinary)).toEqual([expect.stringContaining("gives elevation to DEV-Windows-Laptops, which is not a protected (role-assignable) admin group")]);
    const literal = onStacks();
    members(literal).push("00000000-0000-0000-0000-00000000eeee");
    expect(failures("WP-INTUNE-009", on, literal)).toEqual([expect.stringContaining("gives elevation to 00000000-0000-0000-0000-00000000eeee, which is not a group of the code")]);
    const unattended = onStacks();
    devices(unattended).msgraph_resource["remote-help-role-helpdesk"].body.rolePermissions[0].resourceActions[0].allowedResourceActions.push(REMOTE_HELP_ACTIONS.unattended);
    expect(failures("WP-INTUNE-009", on, unattended)).toEqual([
      "KRA - Hulp op afstand grants Microsoft.Intune_RemoteAssistanceApp_Unattended: a session nobody accepts",
      // unattended control includes elevation, so the partner's engineers would now elevate too
      "KRA - Hulp op afstand - toewijzing gives elevation to ADM-Partner-Ondersteuning, which devices.remoteHelp.elevationGroups does not name (allowed: ict-beheerders)",
    ]);
    const builtIn = onStacks();
    devices(builtIn).msgraph_resource["remote-help-assignment-helpdesk"].body["roleDefinition@odata.bind"] = "https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('9e0cc482-82df-4ab2-a24c-0c23a3f52e1e')";
    expect(failures("WP-INTUNE-009", on, builtIn)).toEqual([expect.stringContaining("binds a role that the code does not declare, so its permissions cannot be checked")]);
  });
});

describe("werkplek diff flags remote support that reaches further (remote-support-widened)", () => {
  const set = (variant: keyof typeof VARIANTS): StackSet => readStackSet(outdirOf(variant), "--head");
  const flags = (from: keyof typeof VARIANTS, to: keyof typeof VARIANTS) =>
    compare(set(from), set(to), { tenantFile: () => kraainem() }).changes.flatMap((c) => c.risks.filter((r) => r.kind === "remote-support-widened").map((r) => `${c.label}: ${r.message}`));

  test("turning Remote Help on: who may start sessions, and who may elevate, are flagged", () => {
    expect(flags("off", "on")).toEqual([
      'Graph object "KRA - Hulp op afstand met beheerdersrechten - toewijzing" (deviceManagement/roleAssignments, deviceAndAppManagementRoleAssignment): members added: groups {group "ADM-ICT-Beheerders"} may now start Remote Help sessions with administrator rights (elevation)',
      'Graph object "KRA - Hulp op afstand - toewijzing" (deviceManagement/roleAssignments, deviceAndAppManagementRoleAssignment): members added: groups {group "ADM-ICT-Beheerders"}, {group "ADM-Partner-Ondersteuning"} may now start Remote Help sessions: see and take over staff screens',
    ]);
  });

  test("elevation for one more group is flagged on the elevation assignment only", () => {
    expect(flags("on", "partner")).toEqual([
      'Graph object "KRA - Hulp op afstand met beheerdersrechten - toewijzing" (deviceManagement/roleAssignments, deviceAndAppManagementRoleAssignment): members added: groups {group "ADM-Partner-Ondersteuning"} may now start Remote Help sessions with administrator rights (elevation)',
    ]);
  });

  test("private computers: the setting and both widened scopes are flagged", () => {
    expect(flags("on", "private")).toEqual([
      expect.stringMatching(/^Graph object "KRA - Hulp op afstand met beheerdersrechten - toewijzing" .*: scope widened: groups \{group "DEV-Update-Pilot"\}, \{group "GRP-Alle-Personeel"\} now in reach of this Remote Help role$/),
      expect.stringMatching(/^Graph object "KRA - Hulp op afstand - toewijzing" .*: scope widened: groups \{group "DEV-Update-Pilot"\}, \{group "GRP-Alle-Personeel"\} now in reach of this Remote Help role$/),
      "Graph setting (deviceManagement/remoteAssistanceSettings): allowSessionsToUnenrolledDevices false → true: the helpdesk may also take over computers Intune does not manage (staff's private computers)",
    ]);
  });

  test("narrowing or switching off is not a widening; the markdown names the flag", async () => {
    expect(flags("on", "narrower")).toEqual([]);
    expect(flags("on", "off")).toEqual([]);
    let out = "";
    await main(["diff", "--base", outdirOf("on"), "--head", outdirOf("partner")], { out: (t) => (out += t), err: () => undefined });
    expect(out).toContain("**remote support widened** · kraainem");
  });

  test("a role that gains elevation is flagged, and a role bound anew with elevation for the same groups", () => {
    const role = (actions: string[]) => ({ url: "deviceManagement/roleDefinitions", body: { rolePermissions: [{ resourceActions: [{ allowedResourceActions: actions }] }] } });
    const base = [REMOTE_HELP_ACTIONS.offer, REMOTE_HELP_ACTIONS.viewScreen];
    expect(risksOf("msgraph_resource", "update", role(base), role([...base, REMOTE_HELP_ACTIONS.elevation]))).toEqual([
      { kind: "remote-support-widened", message: `role now grants ${REMOTE_HELP_ACTIONS.elevation}: every group assigned this role may act as administrator on staff devices in a Remote Help session` },
    ]);
    expect(risksOf("msgraph_resource", "update", role([...base, REMOTE_HELP_ACTIONS.elevation]), role(base))).toEqual([]);
    const assignment = (r: string) => ({ url: "deviceManagement/roleAssignments", body: { members: ["g1"], resourceScopes: ["s1"], "roleDefinition@odata.bind": `https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('\${msgraph_resource.${r}.id}')` } });
    const roles: Record<string, unknown> = { "msgraph_resource.helpdesk": role(base), "msgraph_resource.admins": role([...base, REMOTE_HELP_ACTIONS.elevation]) };
    const related = { before: (a: string) => roles[a] as never, after: (a: string) => roles[a] as never };
    expect(risksOf("msgraph_resource", "update", assignment("helpdesk"), assignment("admins"), undefined, undefined, related).map((r) => r.message)).toEqual([
      "role with elevation now bound: groups g1 may now act as administrator in Remote Help sessions",
    ]);
    // an Intune role without Remote Help permissions is not remote support
    const other: Record<string, unknown> = { "msgraph_resource.reader": role(["Microsoft.Intune_ManagedDevices_Read"]) };
    const grown = { ...assignment("reader"), body: { ...assignment("reader").body, members: ["g1", "g2"] } };
    expect(risksOf("msgraph_resource", "update", assignment("reader"), grown, undefined, undefined, { after: (a: string) => other[a] as never })).toEqual([]);
  });
});

describe("the Dutch docs: Hulp op afstand", () => {
  const section = (page: string, heading = "## Hulp op afstand") => page.slice(page.indexOf(heading), page.indexOf("\n## ", page.indexOf(heading) + 3));
  let off: Record<string, string>;
  let on: Record<string, string>;
  beforeAll(() => {
    off = renderPages(docsContext(kraainem()));
    on = renderPages(docsContext(withRemoteHelp()));
  });

  test("off: the guide gives the supported fallback, Quick Assist started by the staff member, with the checks against phone scams", () => {
    const s = section(off["telewerk.md"]);
    expect(s).toContain("**Snelle hulp** (Quick Assist)");
    expect(s).toContain("1. **U belt zelf** ICT-dienst Gemeente Kraainem op +32 2 000 00 00.");
    expect(s).toMatch(/beveiligingscode die de helpdesk u \*\*in dat gesprek\*\* geeft/);
    expect(s).toContain("### Zo herkent u oplichters");
    expect(s).toMatch(/belt u \*\*nooit onverwacht\*\*/);
    expect(s).toMatch(/belt u terug op uw nummer dat bij de gemeente bekend is/);
    expect(s).not.toContain("Remote Help**");
    // no helpdesk in the tenant file: the ICT owner from the tags
    const t = kraainem();
    const bare = section(renderPages(docsContext({ ...t, helpdesk: undefined }))["telewerk.md"]);
    expect(bare).toContain("**U belt zelf** de ICT-dienst op het nummer op het intranet.");
  });

  test("on: how to ask, what the helpdesk may see and do, that each session is accepted, laptop vs private computer", () => {
    const s = section(on["telewerk.md"]);
    expect(s).toContain("neem dan contact op met ICT-dienst Gemeente Kraainem: ict@kraainem.be, +32 2 000 00 00 (werkdagen 8u30–12u en 13u–16u30)");
    expect(s).toContain("**U aanvaardt elke sessie zelf**");
    expect(tableAfter(s, "Wie u zo kan helpen")).toEqual([
      ["wie", "wat"],
      ["ADM-ICT-Beheerders, ADM-Partner-Ondersteuning", "uw scherm zien; uw muis en toetsenbord overnemen als u dat toestaat"],
      ["ADM-ICT-Beheerders", "ook vragen om beheerdersrechten beantwoorden (bijvoorbeeld om software te installeren)"],
    ]);
    expect(s).toContain("chatvenster van Remote Help");
    expect(s).toMatch(/Op uw eigen computer helpt de helpdesk niet met Remote Help/);
    expect(s).not.toContain("Snelle hulp");
  });

  test("on: the guide follows the tenant file (no chat, no elevation, private computers with their reason)", () => {
    const s = section(
      renderPages(docsContext(withRemoteHelp({ chat: false, elevationGroups: [], unenrolledDevices: { allowed: true, userGroups: ["personeel"], reason: "thuiswerk op een eigen pc zonder Awingu-app" } })))["telewerk.md"],
    );
    expect(s).toContain("Remote Help heeft geen chat: de helpdesk belt u tijdens de sessie.");
    expect(s).not.toContain("beheerdersrechten");
    expect(s).toContain("De gemeente staat dat toe omdat: thuiswerk op een eigen pc zonder Awingu-app.");
    expect(s).toContain("https://aka.ms/downloadremotehelp");
  });

  test("the identity page lists who holds the remote-support roles (on), or that nobody does (off)", () => {
    expect(tableAfter(section(on["identity.md"]), "Intune-rol")).toEqual([
      ["Intune-rol", "groepen", "mag", "op toestellen en gebruikers van"],
      ["KRA - Hulp op afstand", "ADM-ICT-Beheerders, ADM-Partner-Ondersteuning", "sessie aanbieden, scherm zien, overnemen als de medewerker toestaat", "DEV-Windows-Laptops"],
      ["KRA - Hulp op afstand met beheerdersrechten", "ADM-ICT-Beheerders", "dezelfde, en beheerdersvragen (UAC) beantwoorden", "DEV-Windows-Laptops"],
    ]);
    expect(section(on["identity.md"])).toContain("Entra-rol Intune Administrator heeft (ADM-ICT-Beheerders, ADM-Partner-Ondersteuning)");
    expect(section(off["identity.md"])).toContain("Intune Remote Help staat uit");
    expect(section(off["identity.md"])).not.toContain("| Intune-rol |");
  });

  test("every Mermaid block of the pages with Remote Help on still parses", () => {
    const dir = tempDir();
    try {
      for (const [f, text] of Object.entries(on)) fs.writeFileSync(path.join(dir, f), text);
      const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-mermaid.mjs"), ...Object.keys(on).map((f) => path.join(dir, f))], { encoding: "utf8" });
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThanOrEqual(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
