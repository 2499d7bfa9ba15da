import { Testing, Token } from "cdktf";
import { loadPersonas, mismatches, pairsOf } from "../policies/conditional-access/personas";
import { ConditionalAccessPolicy } from "../constructs/conditional-access/policy";
import { whatIf } from "../constructs/conditional-access/whatif";
import { tenantPolicies } from "../cli/whatif";
import { ConditionalAccessStack } from "../stacks/conditional-access";
import { buildTenant } from "../stacks/tenant";
import { kraainem, kraainemRaw, synthJson, tenantFrom } from "./helpers";

const tenant = kraainem();
const policies = tenantPolicies(tenant);
const file = loadPersonas();

describe("persona tests (policies/conditional-access/personas.yaml) against the example tenant", () => {
  const cases = file.expectations.flatMap((e) => pairsOf(file, e).map(([p, s]) => [`${p} × ${s}: ${e.why}`, p, s, e] as const));

  test("the file covers the cases the issue asks for", () => {
    const covered = new Set(cases.map(([, p, s]) => `${p} × ${s}`));
    for (const pair of [
      "break-glass × legacy-mail-client", "break-glass × abroad-browser", "break-glass × device-code",
      "staff × legacy-mail-client", "staff × private-computer-browser", "staff × private-computer-app",
      "it-admin × office-laptop-app", "staff × abroad-browser", "staff × device-code", "guest × private-computer-browser",
    ]) expect(covered).toContain(pair);
  });

  test.each(cases)("%s", (_name, persona, scenario, expectation) => {
    const r = whatIf(policies, tenant, file.personas[persona], file.scenarios[scenario]);
    expect(mismatches(expectation, r)).toEqual([]);
  });
});

describe("what-if evaluates the synthesized policy objects", () => {
  test("they are the conditional access stack's constructs, and their break-glass exclusion is what is synthesized", () => {
    expect(policies.every((p) => p instanceof ConditionalAccessPolicy)).toBe(true);
    const stacks = buildTenant(Testing.app(), tenant);
    const synthesized = Object.values(synthJson(stacks.conditionalAccess).resource!.azuread_conditional_access_policy) as any[];
    expect(synthesized.map((p) => p.display_name)).toEqual(policies.map((p) => p.spec.displayName));
    synthesized.forEach((p, i) => expect(p.conditions.users.excluded_groups).toEqual(expect.arrayContaining([...policies[i].excludedGroupObjectIds])));
  });

  test("report-only policies are listed, never enforced", () => {
    const raw = kraainemRaw();
    delete (raw.conditionalAccess as any).policies.CA001;
    const t = tenantFrom(raw);
    const r = whatIf(tenantPolicies(t), t, {}, file.scenarios["legacy-mail-client"]);
    expect(r.result).toBe("grant");
    expect(r.blockedBy).toEqual([]);
    expect(r.reportOnly).toEqual(["CA001 Block legacy authentication", "CA015 Require phishing-resistant MFA for all users"]);
  });

  test("once CA015 is promoted, staff and council members need phishing-resistant MFA everywhere, guests and break-glass do not", () => {
    const raw = kraainemRaw();
    (raw.conditionalAccess as any).policies.CA015 = { state: "enabled", promoted: "2026-11-30" };
    const t = tenantFrom(raw);
    const ps = tenantPolicies(t);
    const strength = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004";
    for (const persona of ["staff", "council-member"]) {
      const r = whatIf(ps, t, file.personas[persona], file.scenarios["private-computer-browser"]);
      expect(r.grants).toContainEqual(expect.objectContaining({ policy: "CA015 Require phishing-resistant MFA for all users", authenticationStrength: strength }));
      expect(r.reportOnly).toEqual([]);
    }
    const guest = whatIf(ps, t, file.personas.guest, file.scenarios["private-computer-browser"]);
    expect(guest.grants.map((g) => g.policy)).not.toContain("CA015 Require phishing-resistant MFA for all users");
    expect(whatIf(ps, t, file.personas["break-glass"], file.scenarios["private-computer-browser"]).result).toBe("allow");
  });

  test("a condition it cannot decide goes to unknown, never guessed", () => {
    const r = whatIf(policies, tenant, {}, {});
    expect(r.blockedBy).toEqual([]);
    expect(r.unknown).toEqual(
      expect.arrayContaining([
        "CA001 Block legacy authentication: client app (give --client)",
        "CA007 Limit browser sessions on unmanaged devices: client app (give --client)",
        "CA008 Block sign-ins outside the allowed countries: location: country (give --country)",
        "CA011 Block unknown device platforms: device platform (give --platform)",
      ]),
    );
    // Only the country is known and it is foreign: the office IP ranges might still match.
    const abroad = whatIf(policies, tenant, {}, { country: "ES", client: "browser", platform: "windows", device: "compliant" });
    expect(abroad.result).toBe("grant");
    expect(abroad.unknown).toEqual(["CA008 Block sign-ins outside the allowed countries: location: trustedOffice (give --ip)"]);
    // From the town hall's own range the country does not matter.
    const office = whatIf(policies, tenant, {}, { country: "ES", ip: "192.0.2.3", client: "browser", platform: "windows", device: "compliant" });
    expect(office.blockedBy).toEqual([]);
    expect(office.unknown).toEqual([]);
  });

  test("an application id known only at deploy time: unknown for a typed app id, no match for Office365 or well-known apps, applies for All", () => {
    const awingu = Token.asString({ ref: "awingu" } as any);
    const stacks = buildTenant(Testing.app(), tenant);
    // the remote-access stack passes its app's client id: a token, as here
    const ps = new ConditionalAccessStack(Testing.app(), { tenant, identity: stacks.identity, apps: { awinguClientId: awingu } }).policies;
    const signIn = { client: "browser", platform: "windows", device: "compliant", country: "BE", ip: "192.0.2.3", risk: "none" } as const;
    expect(whatIf(ps, tenant, {}, { ...signIn, app: "11111111-2222-3333-4444-555555555555" }).unknown).toEqual([
      "CA014 Require MFA and sign-in frequency for Awingu: application (its id is known only at deploy time)",
    ]);
    expect(whatIf(ps, tenant, {}, { ...signIn, app: "Office365" }).unknown).toEqual([]);
    expect(whatIf(ps, tenant, {}, { ...signIn, app: "797f4846-ba00-4fd7-ba43-dac1f8f63013" }).unknown).toEqual([]);
    expect(whatIf(ps, tenant, {}, { ...signIn, app: "All" }).grants.map((g) => g.policy)).toContain("CA014 Require MFA and sign-in frequency for Awingu");
  });

  test("roles of adminRoles groups count as the member's roles", () => {
    const admin = whatIf(policies, tenant, { groups: ["partner-ondersteuning"] }, file.scenarios["home-laptop-browser"]);
    expect(admin.grants.map((g) => g.policy)).toContain("CA003 Require phishing-resistant MFA for administrators");
    const plain = whatIf(policies, tenant, { groups: ["secretariaat"] }, file.scenarios["home-laptop-browser"]);
    expect(plain.grants.map((g) => g.policy)).not.toContain("CA003 Require phishing-resistant MFA for administrators");
  });
});
