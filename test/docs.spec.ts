import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../cli/main";
import { docsContext } from "../cli/docs/context";
import { renderPages } from "../cli/docs/index";
import { mermaidBlocks } from "../cli/docs/markdown";
import { kraainem, ROOT, tempDir } from "./helpers";

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

  test("a policy still in report-only is not presented as enforced", () => {
    const t = kraainem();
    const policies = { ...t.conditionalAccess.policies };
    delete policies.CA008; // back to report-only: sign-ins from abroad are only logged
    const changed = renderPages(docsContext({ ...t, conditionalAccess: { ...t.conditionalAccess, policies } }))["telewerk.md"];
    expect(changed).not.toMatch(/buitenland \(buiten BE\) \| \*\*lukt niet\*\*/);
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

  test("Teams meeting policies side by side and every Intune profile with its groups", () => {
    const page = pages["teams-intune.md"];
    expect(page).toMatch(/\| parameter \| Global \| Gemeenteraad-Openbaar \|/);
    expect(page).toMatch(/\| AllowCloudRecording \| false \| true \|/);
    expect(page).toContain("vlaanderen.be");
    expect(page).toMatch(/KRA - Windows - Updatering productie \| [^|]+ \| DEV-Windows-Laptops \| DEV-Update-Pilot \|/);
  });
});
