import { byUrl, graphBody, inIdentityStack } from "../graph";
import { defineRule, verdict } from "../rule";
import { ALL_APPS } from "../../policies/identity/app-management";
import type { Json } from "../../stacks/synthesized";

const MAX_SECRET_DAYS = 180;
const MAX_CERTIFICATE_DAYS = 365;

/** Problems of one restriction set (applicationRestrictions or servicePrincipalRestrictions). */
function problems(scope: string, set: Json): string[] {
  const find = (list: unknown, type: string): Json | undefined => (Array.isArray(list) ? list.find((x: Json) => x?.restrictionType === type) : undefined);
  const out: string[] = [];
  const check = (r: Json | undefined, what: string, maxDays?: number) => {
    if (!r) return out.push(`${scope}: no ${what} restriction`);
    if (r.state !== "enabled") out.push(`${scope}: ${what} is ${r.state ?? "not enabled"}`);
    if (r.restrictForAppsCreatedAfterDateTime !== ALL_APPS) out.push(`${scope}: ${what} applies only to apps created after ${r.restrictForAppsCreatedAfterDateTime ?? "(unset)"}, not to all apps (${ALL_APPS})`);
    if (maxDays !== undefined) {
      const days = /^P(\d+)D$/.exec(String(r.maxLifetime ?? ""));
      // Entra compares with "less than": N + 1 days allows N (SCuBA notes to MS.AAD.5.6/5.7).
      if (!days || Number(days[1]) > maxDays + 1) out.push(`${scope}: ${what} maxLifetime ${r.maxLifetime ?? "(unset)"} allows more than ${maxDays} days`);
    }
    return 0;
  };
  check(find(set?.passwordCredentials, "passwordAddition"), "passwordAddition (no new client secrets)");
  check(find(set?.passwordCredentials, "passwordLifetime"), "passwordLifetime", MAX_SECRET_DAYS);
  check(find(set?.keyCredentials, "asymmetricKeyLifetime"), "asymmetricKeyLifetime", MAX_CERTIFICATE_DAYS);
  return out;
}

export default defineRule({
  id: "WP-ID-017",
  level: "warning",
  title: "Apps get no client secrets, and credential lifetimes are limited",
  explanation:
    "Client secrets are passwords for apps: they leak in scripts and repositories and outlive the people who made them. Certificates and federated credentials (what werkplek's own deployments use) are safer, and every credential should expire.",
  fix: `Keep policies/defaultAppManagementPolicy (policies/identity/app-management.ts) enabled, with passwordAddition enabled, passwordLifetime at most P${MAX_SECRET_DAYS + 1}D and asymmetricKeyLifetime at most P${MAX_CERTIFICATE_DAYS + 1}D for applications and service principals, for all apps. Tenant file: appCredentials (blockSecrets, secretLifetimeDays, certificateLifetimeDays); waive a weaker choice under guardrails.suppressions with the reason.`,
  controls: ["MS.AAD.5.5", "MS.AAD.5.6", "MS.AAD.5.7", "MT.1002"],
  check: (ctx) =>
    inIdentityStack(ctx, byUrl(ctx, "policies/defaultAppManagementPolicy"), "no default app management policy: apps may get client secrets that never expire", (r) => {
      const b = graphBody(r);
      return verdict(r, [
        b.isEnabled !== true && "isEnabled is not true",
        ...problems("applicationRestrictions", b.applicationRestrictions),
        ...problems("servicePrincipalRestrictions", b.servicePrincipalRestrictions),
      ]);
    }),
});
