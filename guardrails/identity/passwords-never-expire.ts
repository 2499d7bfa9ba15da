import { graphBody, graphResources } from "../graph";
import { defineRule, Outcome, pass, stackOutcome, verdict } from "../rule";
import { neverExpireDomains, PASSWORDS_NEVER_EXPIRE } from "../../policies/identity/passwords";
import { graphUrl } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-ID-018",
  level: "error",
  title: "Passwords never expire on the tenant's domains",
  explanation:
    "Forced periodic changes make users pick predictable passwords (Kraainem2026!, Kraainem2027!); NIST and Microsoft advise against expiry when MFA and banned-password checks are on.",
  fix: `Keep a domains/<domain> update with passwordValidityPeriodInDays ${PASSWORDS_NEVER_EXPIRE} in the identity stack for primaryDomain and every passwords.otherDomains entry (policies/identity/passwords.ts).`,
  controls: ["MS.AAD.6.1", "CIS 1.3.1"],
  check: (ctx) => {
    const identity = ctx.stacks.find((s) => s.area === "identity");
    if (!identity) return [];
    const byDomain = new Map(graphResources(ctx).filter((r) => graphUrl(r).toLowerCase().startsWith("domains/")).map((r) => [graphUrl(r).slice("domains/".length).toLowerCase(), r]));
    return neverExpireDomains(ctx.tenant.primaryDomain, ctx.tenant.passwords).map((domain): Outcome => {
      const r = byDomain.get(domain.toLowerCase());
      if (!r) return stackOutcome(identity.name, false, `no update of domains/${domain}: its password expiry is whatever the tenant has`);
      const days = graphBody(r).passwordValidityPeriodInDays;
      return days === PASSWORDS_NEVER_EXPIRE || days === null ? pass(r) : verdict(r, [`domains/${domain} passwordValidityPeriodInDays is ${days ?? "not set"}, not ${PASSWORDS_NEVER_EXPIRE} (never)`]);
    });
  },
});
