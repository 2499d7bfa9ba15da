import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../cli/main";
import { docsContext } from "../cli/docs/context";
import { renderPages } from "../cli/docs/index";
import { licenceName } from "../cli/docs/identity";
import { RULE_PURPOSE } from "../cli/docs/network";
import { awinguNetworkRules } from "../policies/remote-access/network-rules";
import { flowchart, mermaidBlocks, MermaidIds } from "../cli/docs/markdown";
import { coverageMatrix, tenantPolicies } from "../cli/whatif";
import { loadPersonas } from "../policies/conditional-access/personas";
import { whatIf } from "../constructs/conditional-access/whatif";
import { kraainem, ROOT, tableAfter, tempDir } from "./helpers";


let pages: Record<string, string>;
let out: string;
beforeAll(async () => {
  out = tempDir();
  const code = await main(["docs", "--tenant", "kraainem", "--out", out], { out: () => undefined, err: () => undefined });
  expect(code).toBe(0);
  pages = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]));
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe("werkplek docs", () => {
  test("every Mermaid block parses with Mermaid's own parser, and there are at least three", () => {
    const files = Object.keys(pages).map((f) => path.join(out, f));
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-mermaid.mjs"), ...files], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout) as { file: string; ok: boolean; error?: string }[];
    expect(results.filter((x) => !x.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.length).toBe(Object.values(pages).flatMap(mermaidBlocks).length);
  });

  test("the Mermaid check fails on a broken block", () => {
    const dir = tempDir();
    try {
      const good = flowchart("LR", [{ id: "a", label: "A" }, { id: "b", label: "B" }], [{ from: "a", to: "b" }]);
      fs.writeFileSync(path.join(dir, "kapot.md"), `# Kapot\n\n${good}\n\n\`\`\`mermaid\nflowchart LR\n  a -->|"open\n  b[[(\n\`\`\`\n`);
      const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-mermaid.mjs"), path.join(dir, "kapot.md")], { encoding: "utf8" });
      const results = JSON.parse(r.stdout) as { index: number; ok: boolean; error?: string }[];
      expect(results.map((x) => [x.index, x.ok])).toEqual([
        [0, true],
        [1, false],
      ]);
      expect(results[1].error).toBeTruthy();
      expect(r.status).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("Mermaid ids are unique per name: names that differ only in punctuation or accents stay separate nodes", () => {
    const ids = new MermaidIds("g");
    const names = ["A-B", "A_B", "A B", "Financiën", "Financien", "financien"];
    expect(new Set(names.map((n) => ids.of(n))).size).toBe(names.length);
    expect(ids.of("A-B")).toBe(ids.of("A-B"));
    for (const id of names.map((n) => ids.of(n))) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);

    // end to end: two groups whose display names differ only in "-" vs "_" get two nodes in the Intune diagram
    const t = kraainem();
    const page = renderPages(
      docsContext({ ...t, groups: { ...t.groups, "update-pilot": { ...t.groups["update-pilot"], displayName: "DEV_Windows_Laptops" } } }),
    )["teams-intune.md"];
    const diagram = mermaidBlocks(page)[0];
    const nodeOf = (label: string) => diagram.match(new RegExp(`^\\s*(\\w+)\\("${label}"\\)$`, "m"))?.[1];
    expect(nodeOf("DEV-Windows-Laptops")).toBeDefined();
    expect(nodeOf("DEV_Windows_Laptops")).toBeDefined();
    expect(nodeOf("DEV-Windows-Laptops")).not.toBe(nodeOf("DEV_Windows_Laptops"));
    expect(diagram).toMatch(new RegExp(`uitgesloten"\\| ${nodeOf("DEV_Windows_Laptops")}$`, "m"));
  });

  test("the output is deterministic", () => {
    expect(renderPages(docsContext(kraainem()))).toEqual(pages);
  });

  test("the pages change when the tenant file changes", () => {
    const t = kraainem();
    const changed = renderPages(docsContext({ ...t, groups: { ...t.groups, mat: { ...t.groups.mat, displayName: "GRP-Directieteam" } } }));
    expect(pages["identity.md"]).toContain("GRP-Managementteam");
    expect(changed["identity.md"]).toContain("GRP-Directieteam");
    expect(changed["identity.md"]).not.toContain("GRP-Managementteam");
  });

  test("the overview lists every stack with its resource count", () => {
    expect(pages["README.md"]).toMatch(/\| `kraainem-identity` \| \d+ \|/);
  });

  test("unknown tenant and missing flags exit 2", async () => {
    let err = "";
    const io = { out: () => undefined, err: (t: string) => (err += t) };
    expect(await main(["docs", "--tenant", "zaventem", "--out", out], io)).toBe(2);
    expect(err).toMatch(/unknown tenant "zaventem"/);
    expect(await main(["docs", "--tenant", "kraainem"], io)).toBe(2);
  });
});

describe("the telework guide follows the policies", () => {
  test("it answers from the what-if on the synthesized policies: private computer in the browser yes, apps no, abroad no", () => {
    const guide = pages["telewerk.md"];
    expect(guide).toMatch(/Microsoft 365 in de browser[^\n]*\*\*lukt\*\*[^\n]*zonder bestanden te downloaden[^\n]*opnieuw aanmelden na 8 uur/);
    expect(guide).toMatch(/op uw eigen computer: \*\*lukt niet\*\*/);
    expect(guide).toMatch(/buitenland \(buiten BE\) \| \*\*lukt niet\*\*/);
    expect(guide).toContain("https://werkplek.kraainem.be");
  });

  test("changing a policy input changes the guide: a shorter browser session, SMS kept on with a reason", () => {
    const t = kraainem();
    const changed = renderPages(
      docsContext({
        ...t,
        conditionalAccess: { ...t.conditionalAccess, browserSessionHours: 4 },
        authenticationMethods: { keepEnabled: [{ method: "Sms", reason: "raadsleden zonder smartphone" }] },
      }),
    )["telewerk.md"];
    expect(changed).toMatch(/opnieuw aanmelden na 4 uur/);
    expect(changed).toContain("Ook sms kan, omdat: raadsleden zonder smartphone.");
  });

  test("the passkey rollout follows CA015: register now while it is report-only, required once promoted", () => {
    expect(pages["telewerk.md"]).toContain("### Binnenkort: aanmelden met een passkey");
    expect(pages["telewerk.md"]).toContain("https://aka.ms/mysecurityinfo");
    const t = kraainem();
    const promoted = renderPages(
      docsContext({ ...t, conditionalAccess: { ...t.conditionalAccess, policies: { ...t.conditionalAccess.policies, CA015: { state: "enabled", promoted: "2026-11-30" } } } }),
    )["telewerk.md"];
    expect(promoted).toContain("### Aanmelden met een passkey");
    expect(promoted).not.toContain("Binnenkort");
    const disabled = renderPages(
      docsContext({ ...t, conditionalAccess: { ...t.conditionalAccess, policies: { ...t.conditionalAccess.policies, CA015: { state: "disabled", reason: "nog geen sleutels" } } } }),
    )["telewerk.md"];
    expect(disabled).not.toContain("passkey");
  });

  test("a policy still in report-only is not presented as enforced", () => {
    const t = kraainem();
    const policies = { ...t.conditionalAccess.policies };
    delete policies.CA008; // back to report-only: sign-ins from abroad are only logged
    const changed = renderPages(docsContext({ ...t, conditionalAccess: { ...t.conditionalAccess, policies } }))["telewerk.md"];
    expect(changed).not.toMatch(/buitenland \(buiten BE\) \| \*\*lukt niet\*\*/);
  });
});

describe("the telework guide: Awingu and MFA registration", () => {
  const reportOnly = (...ids: string[]) => {
    const t = kraainem();
    const policies = { ...t.conditionalAccess.policies } as Record<string, unknown>;
    for (const id of ids) delete policies[id];
    return { ...t, conditionalAccess: { ...t.conditionalAccess, policies: policies as typeof t.conditionalAccess.policies } };
  };
  const awinguLine = (page: string) => page.split("\n").find((l) => l.includes("via **Awingu**"))!;

  test("the what-if asked with the Awingu app's client id matches CA014, the policy that targets it", () => {
    const ctx = docsContext(kraainem());
    const app = ctx.stacks.remoteAccess.awinguAppClientId!;
    const signIn = { app, client: "browser", platform: "windows", device: "compliant", country: "BE", ip: "198.51.100.20", risk: "none" } as const;
    const r = whatIf(ctx.stacks.conditionalAccess.policies, ctx.tenant, { groups: ["awingu-gebruikers"] }, signIn);
    expect(r.grants.map((g) => g.policy.split(" ")[0])).toContain("CA014");
    expect(r.sessionControls.signInFrequency).toEqual({ value: 8, type: "hours" });
    expect(r.unknown).toEqual([]);
    // Office 365 sign-ins are not the Awingu app
    expect(whatIf(ctx.stacks.conditionalAccess.policies, ctx.tenant, {}, { ...signIn, app: "Office365" }).grants.map((g) => g.policy)).not.toContainEqual(
      expect.stringMatching(/^CA014/),
    );
  });

  test("the Awingu line is the what-if's answer and names the Awingu users group", () => {
    const line = awinguLine(pages["telewerk.md"]);
    expect(line).toMatch(/https:\/\/werkplek\.kraainem\.be: \*\*lukt\*\*, met de Authenticator-app of een beveiligingssleutel \(MFA\)/);
    expect(pages["telewerk.md"]).toContain("U moet daarvoor lid zijn van de groep APP-Awingu-Gebruikers");
    // CA014 alone asks MFA for Awingu when MFA for everyone (CA002) is still report-only; without both, none
    expect(awinguLine(renderPages(docsContext(reportOnly("CA002")))["telewerk.md"])).toContain("(MFA)");
    const noMfa = awinguLine(renderPages(docsContext(reportOnly("CA002", "CA014")))["telewerk.md"]);
    expect(noMfa).toMatch(/\*\*lukt\*\*/);
    expect(noMfa).not.toContain("MFA");
    const t = kraainem();
    const renamed = renderPages(docsContext({ ...t, groups: { ...t.groups, "awingu-gebruikers": { ...t.groups["awingu-gebruikers"], displayName: "APP-Telewerk" } } }));
    expect(renamed["telewerk.md"]).toContain("lid zijn van de groep APP-Telewerk");
    expect(renderPages(docsContext({ ...t, remoteAccess: undefined }))["telewerk.md"]).not.toContain("Awingu");
  });

  test("the MFA registration follow-up follows the answer, and no table row repeats a line above it", () => {
    const guide = pages["telewerk.md"];
    expect(guide).toContain("MFA instellen op een eigen computer: **lukt niet**: dit kan alleen op een toestel dat de gemeente beheert. Stel MFA daarom in op uw gemeentelijke laptop.");
    expect(guide).not.toMatch(/Lukt het (toch )?niet/);
    const allowed = renderPages(docsContext(reportOnly("CA005")))["telewerk.md"];
    expect(allowed).toMatch(/MFA instellen op een eigen computer: \*\*lukt\*\*[^\n]*\. Lukt het toch niet, vraag dan de ICT-dienst om hulp\./);
    expect(allowed).not.toContain("Stel MFA daarom in");
    expect(guide).not.toContain("| Outlook of OneDrive op een eigen computer |");
  });
});

describe("network and Teams/Intune pages", () => {
  test("the network diagram draws the allowed paths from the NSG rules", () => {
    const net = pages["network.md"];
    expect(net).toMatch(/users -->\|"Tcp 443 \(WAF\)"\| agw/);
    expect(net).toMatch(/agw -->\|"Tcp 443"\| vm/);
    expect(net).toMatch(/bas -->\|"Tcp 22, 8080"\| vm/);
    expect(net).toMatch(/vm -->\|"Tcp 636"\| dc/);
    expect(net).not.toMatch(/users -->[^\n]*vm/);
  });

  test("the NSG tables are Dutch: direction, access and a Dutch purpose for every rule the policy can make", () => {
    const net = pages["network.md"];
    for (const row of tableAfter(net, "### Application gateway").slice(1)) {
      expect(["inkomend", "uitgaand"]).toContain(row[1]);
      expect(["toegelaten", "geweigerd"]).toContain(row[2]);
    }
    expect(net).not.toMatch(/\| (Inbound|Outbound|Allow|Deny) \|/);
    expect(net).not.toContain("required by");
    // every rule with every option on has a Dutch purpose
    const ra = kraainem().remoteAccess!;
    const all = awinguNetworkRules(
      { ...ra, allowPlainLdap: true, fileServers: ["10.10.0.20"], gateway: { ...ra.gateway, httpRedirectFromInternet: true } },
      ["192.0.2.0/28"],
    );
    for (const subnet of ["gateway", "vm", "bastion"] as const) {
      for (const r of all[subnet].filter((x) => !x.name.startsWith("DenyAll"))) expect(`${subnet}/${r.name}: ${RULE_PURPOSE[subnet][r.name]}`).not.toMatch(/undefined$/);
    }
  });

  test("the sentence about what is open to the internet follows the rules (HTTP 80 only with the redirect)", () => {
    expect(pages["network.md"]).toContain("Vanaf het internet staat alleen HTTPS (443) open naar de application gateway");
    const t = kraainem();
    const ra = t.remoteAccess!;
    const net = renderPages(docsContext({ ...t, remoteAccess: { ...ra, gateway: { ...ra.gateway, httpRedirectFromInternet: true } } }))["network.md"];
    expect(net).toContain("Vanaf het internet staat alleen HTTPS (443) en HTTP (80, alleen om door te sturen naar HTTPS) open naar de application gateway");
    expect(net).toMatch(/users -->\|"Tcp 80 \(WAF\)"\| agw/);
    expect(net).toMatch(/\| 110 \| inkomend \| toegelaten \| Tcp \| Internet \| alle \| 80 \| alleen om door te sturen naar HTTPS/);
    expect(pages["network.md"]).toContain("De Awingu-VM heeft geen publiek IP-adres en is alleen bereikbaar vanuit de application gateway en Azure Bastion.");
  });

  test("the council sentence is derived from the council groups and the council policy", () => {
    expect(pages["teams-intune.md"]).toContain(
      "Leden van GRP-Gemeenteraad en GRP-Secretariaat vergaderen met het beleid Gemeenteraad-Openbaar: met opname, met transcriptie, anonieme deelnemers via de wachtruimte.",
    );
    expect(pages["teams-intune.md"]).toContain("Leden van GRP-Secretariaat mogen openbare zittingen uitzenden");
    const t = kraainem();
    const none = renderPages(docsContext({ ...t, teams: { ...t.teams, councilMeetings: { groups: [], townHallGroups: [] } } }))["teams-intune.md"];
    expect(none).not.toMatch(/Leden van [^\n]*vergaderen/);
    expect(none).toContain("Het beleid Gemeenteraad-Openbaar (met opname, met transcriptie, anonieme deelnemers via de wachtruimte) is aan geen groep toegewezen");
    expect(none).toContain("Niemand mag openbare zittingen uitzenden");
    const one = renderPages(docsContext({ ...t, teams: { ...t.teams, councilMeetings: { groups: ["schepencollege"], townHallGroups: [] } } }))["teams-intune.md"];
    expect(one).toContain("Leden van GRP-Schepencollege vergaderen met het beleid Gemeenteraad-Openbaar");
  });

  test("Teams meeting policies side by side and every Intune profile with its groups", () => {
    const page = pages["teams-intune.md"];
    expect(page).toMatch(/\| parameter \| Global \| Gemeenteraad-Openbaar \|/);
    expect(page).toMatch(/\| AllowCloudRecording \| false \| true \|/);
    expect(page).toContain("vlaanderen.be");
    expect(page).toMatch(/KRA - Windows - Updatering productie \| [^|]+ \| DEV-Windows-Laptops \| DEV-Update-Pilot \|/);
  });
});

describe("the conditional access page", () => {
  const section = () => pages["conditional-access.md"].slice(pages["conditional-access.md"].indexOf("## Persona's en scenario's"));

  test("the matrix is the what-if's matrix in Dutch: same outcome in every cell, no English words", () => {
    const english = tableAfter(coverageMatrix(tenantPolicies(kraainem()), kraainem(), loadPersonas()).markdown, "| persona");
    const dutch = tableAfter(section(), "| persona");
    expect(dutch.map((r) => r[0])).toEqual(english.map((r) => r[0]));
    expect(dutch[0]).toEqual(english[0]);
    const kind = (en: string) =>
      en.startsWith("block: managed device required") ? "device" : en.startsWith("block") ? "blocked" : en.startsWith("allow") ? "allowed" : "grant";
    for (const [i, row] of english.slice(1).entries()) {
      for (const [j, en] of row.slice(1).entries()) {
        const nl = dutch[i + 1][j + 1];
        const expected = { blocked: /geweigerd \(CA\d+/, device: /geweigerd: beheerd toestel vereist \(CA\d+\)/, allowed: /toegelaten/, grant: /(?!geweigerd|toegelaten).*(MFA|toestel|wachtwoord)/ }[kind(en)];
        expect(`${en} → ${nl}`).toMatch(new RegExp(`→ ${expected.source}`));
        if (kind(en) === "blocked") expect(nl).toBe(`geweigerd (${en.match(/\(([^)]*)\)/)![1]})`);
        expect(nl.includes("beperkte")).toBe(en.includes("limited session"));
        expect(nl.includes("phishingbestendige MFA")).toBe(en.includes("phishing-resistant MFA") && kind(en) === "grant");
      }
    }
    expect(dutch.slice(1).flatMap((r) => r.slice(1)).join(" | ")).not.toMatch(/\b(block|grant|allow|limited|session|compliant|device|not met)\b/);
    expect(dutch[1]).toEqual(expect.arrayContaining(["MFA + beheerd toestel", "MFA, beperkte browsersessie", "geweigerd (CA001)", "geweigerd: beheerd toestel vereist (CA006)"]));
  });

  test("the legend explains exactly the terms the cells use", () => {
    const legend = [...section().matchAll(/^- \*\*(.+?)\*\*: /gm)].map((m) => m[1]);
    const cells = tableAfter(section(), "| persona").slice(1).flatMap((r) => r.slice(1)).join(" | ");
    for (const term of legend) {
      const pattern = { "geweigerd (CA…)": /geweigerd \(CA/, "geweigerd: beheerd toestel vereist (CA…)": /geweigerd: beheerd toestel vereist \(CA/, "A + B": / \+ /, "A of B": / of / }[term];
      expect(pattern ? pattern.test(cells) : cells.includes(term)).toBe(true);
    }
    expect(legend).toEqual(expect.arrayContaining(["toegelaten", "MFA", "phishingbestendige MFA", "beheerd toestel", "beperkte browsersessie"]));
    // every cell is made of legend terms only
    const rest = cells
      .replace(/geweigerd: beheerd toestel vereist \(CA\d+(, CA\d+)*\)/g, "")
      .replace(/geweigerd \(CA\d+(, CA\d+)*\)/g, "")
      .replace(new RegExp(legend.filter((t) => !t.includes("…") && !t.startsWith("A ")).sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g"), "")
      .replace(/ \+ |, | \| /g, "");
    expect(rest.trim()).toBe("");
    expect(section()).toMatch(/- \*\*beperkte browsersessie\*\*: alleen lezen in de browser, niets downloaden, opnieuw aanmelden na 8 uur, geen blijvende browsersessie/);
  });

  test("gaps and break-glass lines are Dutch and count the same as the what-if", () => {
    const english = coverageMatrix(tenantPolicies(kraainem()), kraainem(), loadPersonas());
    expect(section()).toContain(`Gaten (geen afgedwongen regel vraagt MFA of weigert): ${english.gaps.length}`);
    for (const g of english.gaps) expect(section()).toContain(`- ${g}: `);
    expect(section()).toMatch(/Bewust niet gedekt \(de noodaccounts vallen buiten elke regel\): 11 combinaties/);
    expect(section()).not.toMatch(/Gaps|Not covered|Scenarios:/);
  });

  test("a session-only policy shows its session limits in the summary, not 'geen voorwaarde'", () => {
    const row = tableAfter(pages["conditional-access.md"], "| regel").find((r) => r[0].startsWith("CA007"))!;
    expect(row[2]).toBe("geen; wel: alleen lezen in de browser, niets downloaden, opnieuw aanmelden na 8 uur, geen blijvende browsersessie");
    expect(pages["conditional-access.md"]).not.toContain("geen voorwaarde");
  });
});

describe("the identity page", () => {
  test("licences show their product name next to the SKU code; unknown SKUs stay as code", () => {
    const page = pages["identity.md"];
    expect(page).toMatch(/\| LIC-Microsoft365-BusinessPremium \|[^\n]*\| Microsoft 365 Business Premium \(SPB\) \|/);
    expect(page).toMatch(/\| GRP-Gemeenteraad \|[^\n]*\| Microsoft Teams Exploratory \(TEAMS_EXPLORATORY\) \|/);
    expect(page).toContain('("Microsoft 365 Business Premium (SPB)")');
    expect(licenceName("CONTOSO_CUSTOM_SKU")).toBe("CONTOSO_CUSTOM_SKU");
  });

  test("it lists the Teams-enabled groups of the collaboration stack", () => {
    const t = kraainem();
    const rows = tableAfter(pages["identity.md"], "## Teams").slice(1);
    expect(rows.map((r) => r[0])).toEqual(Object.values(t.teams.teams).map((x) => x.displayName));
    expect(rows.find((r) => r[1] === "`personeel`")![2]).toContain("user.employeeType");
    const changed = renderPages(docsContext({ ...t, teams: { ...t.teams, teams: { raad: { ...t.teams.teams.gemeenteraad, displayName: "GRP-Team-Raad" } } } }));
    expect(tableAfter(changed["identity.md"], "## Teams").slice(1).map((r) => r[0])).toEqual(["GRP-Team-Raad"]);
  });
});

test("docs --out that is a file is exit 2 naming it, not an internal error", async () => {
  const dir = tempDir();
  const file = path.join(dir, "a-file");
  fs.writeFileSync(file, "");
  let err = "";
  const code = await main(["docs", "--tenant", "kraainem", "--out", file], { out: () => undefined, err: (t) => (err += t) });
  expect(code).toBe(2);
  expect(err).toContain(`--out "${file}" cannot be written: it is (inside) a file, not a folder`);
  fs.rmSync(dir, { recursive: true, force: true });
});
