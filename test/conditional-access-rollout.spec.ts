import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { formatProblem, loadTenants, TenantFileError } from "../tenants/load";
import { kraainem, kraainemRaw, tempDir } from "./helpers";

/** Writes the example with a changed conditionalAccess section and returns the formatted problems. */
function problemsWith(conditionalAccess: unknown): string[] {
  const dir = tempDir();
  try {
    const raw = { ...kraainemRaw(), conditionalAccess };
    fs.writeFileSync(path.join(dir, "kraainem.yaml"), stringify(raw));
    loadTenants(dir);
    return [];
  } catch (e) {
    if (!(e instanceof TenantFileError)) throw e;
    return e.problems.map(formatProblem).map((p) => p.replace(/^.*kraainem\.yaml/, "kraainem.yaml"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("conditional access rollout in the tenant file", () => {
  test("the example has the baseline enabled, each with its promotion date; the risk policies are off", () => {
    const ca = kraainem().conditionalAccess;
    expect(Object.keys(ca.policies)).toEqual(["CA001", "CA002", "CA003", "CA004", "CA005", "CA006", "CA007", "CA008", "CA009", "CA010", "CA011", "CA014"]);
    for (const rollout of Object.values(ca.policies)) expect(rollout).toMatchObject({ state: "enabled", promoted: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(ca.riskPolicies).toBe(false);
  });

  test("an unknown policy id is an error listing the known ids", () => {
    const [problem] = problemsWith({ policies: { CA099: { state: "enabled", promoted: "2026-11-02" } } });
    expect(problem).toMatch(/^kraainem\.yaml:\d+:\d+ conditionalAccess\.policies\.CA099: unknown policy "CA099"; known policies: CA001 \(Block legacy authentication\), CA002 /);
    expect(problem).toContain("CA014 (Require MFA and sign-in frequency for Awingu)");
  });

  test("enabled needs the promotion date; disabled needs a reason; dates are real dates", () => {
    expect(problemsWith({ policies: { CA001: { state: "enabled" } } })).toEqual([
      expect.stringMatching(/conditionalAccess\.policies\.CA001\.promoted: state enabled requires the promotion date/),
    ]);
    expect(problemsWith({ policies: { CA001: { state: "disabled" } } })).toEqual([
      expect.stringMatching(/conditionalAccess\.policies\.CA001\.reason: state disabled requires a reason/),
    ]);
    expect(problemsWith({ policies: { CA001: { state: "enabled", promoted: "2026-02-30" } } })).toEqual([
      expect.stringMatching(/conditionalAccess\.policies\.CA001\.promoted: not a calendar date/),
    ]);
    expect(problemsWith({ policies: { CA001: { state: "on" } } })).toEqual([
      expect.stringMatching(/conditionalAccess\.policies\.CA001\.state: "on" is not allowed; allowed: enabled, enabledForReportingButNotEnforced, disabled/),
    ]);
    expect(problemsWith({ policies: { CA001: { state: "disabled", reason: "replaced by the Microsoft-managed policy" } } })).toEqual([]);
  });

  test("a policy without a state line runs report-only; the session length has Entra's bounds", () => {
    expect(problemsWith({ policies: { CA001: {} } })).toEqual([]);
    expect(problemsWith({ browserSessionHours: 24 })).toEqual([expect.stringMatching(/conditionalAccess\.browserSessionHours: /)]);
  });
});
