import { defineRule } from "../rule";
import { readTeamsApps } from "../teams-policies";

const CATALOGUES = { DefaultApp: "Microsoft", GlobalApp: "third-party", PrivateApp: "custom" } as const;

export default defineRule({
  id: "WP-TEAMS-010",
  level: "error",
  title: "No Teams app is available by default: Microsoft, third-party and custom apps come from allow-lists",
  explanation:
    "Every app in Teams can read chats, files and meetings of the people who use it. App-centric management replaced app permission policies (they no longer apply), and ScubaGear passes MS.TEAMS.5.1–5.3 only when DefaultApp, GlobalApp and PrivateApp are None, each wanted app being made available by itself.",
  fix: "Keep DefaultApp, GlobalApp and PrivateApp None in the Teams document's apps (policies/teams/app-policies.ts) and list wanted apps under teams.apps.allowedMicrosoftApps, allowedThirdPartyApps or allowedCustomApps in the tenant file; apply with scripts/teams/Apply-TeamsApps.ps1.",
  controls: ["MS.TEAMS.5.1", "MS.TEAMS.5.2", "MS.TEAMS.5.3", "CIS 8.4.1"],
  check: (ctx) =>
    readTeamsApps(ctx.stacks).map(({ stack, source, tenantSettings }) => {
      const resource = `TeamsApps:${source}`;
      const problems = tenantSettings
        ? Object.entries(CATALOGUES)
            .filter(([name]) => tenantSettings[name] !== "None")
            .map(([name, what]) => `${name} (${what} apps) is ${JSON.stringify(tenantSettings[name] ?? null)}, not "None"`)
        : ["the Teams document does not manage app availability (no apps section)"];
      return problems.length ? { stack, resource, ok: false, message: `${resource}: ${problems.join("; ")}` } : { stack, resource, ok: true };
    }),
});
