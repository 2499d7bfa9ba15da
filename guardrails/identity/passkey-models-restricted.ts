import { byUrl, graphBody } from "../graph";
import { defineRule, verdict } from "../rule";
import type { Json } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-ID-021",
  level: "warning",
  title: "Only approved passkey models can be registered",
  explanation:
    "Without key restrictions any FIDO2 authenticator, including cheap clones and software passkeys, counts as phishing-resistant MFA. An allow-list of the models the municipality hands out keeps the strength meaningful.",
  fix: "List the AAGUIDs of the approved models (the security keys handed out, the break-glass accounts' keys, Microsoft Authenticator) under authenticationMethods.passkeyAaguids in the tenant file; until the models are chosen, waive this rule under guardrails.suppressions with the reason.",
  controls: ["EIDSCA.AF04", "EIDSCA.AF05", "EIDSCA.AF06"],
  check: (ctx) =>
    byUrl(ctx, "policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Fido2").map((r) => {
      const b = graphBody(r);
      // Passkey profiles (v1.0 passkeyProfile) replace the deprecated top-level keyRestrictions.
      const restrictions: Json[] = Array.isArray(b.passkeyProfiles) ? b.passkeyProfiles.map((p: Json) => p?.keyRestrictions) : [b.keyRestrictions];
      return verdict(r, [
        ...restrictions.map(
          (k, i) =>
            !(k?.isEnforced === true && ["allow", "block"].includes(k?.enforcementType) && Array.isArray(k?.aaGuids) && k.aaGuids.length > 0) &&
            `${Array.isArray(b.passkeyProfiles) ? `passkey profile ${b.passkeyProfiles[i]?.name ?? i}` : "FIDO2"}: key restrictions are not enforced with a list of AAGUIDs`,
        ),
        restrictions.length === 0 && "no passkey profile",
      ]);
    }),
});
