import { defineRule } from "../rule";
import { param, teamsPoliciesOf, teamsVerdict } from "../teams-policies";

const PROVIDERS = ["AllowDropBox", "AllowBox", "AllowGoogleDrive", "AllowShareFile", "AllowEgnyte"];

export default defineRule({
  id: "WP-TEAMS-009",
  level: "warning",
  title: "Third-party cloud storage is off in Teams",
  explanation: "Files shared from Dropbox, Google Drive and the like leave the municipality's retention, DLP and e-discovery.",
  fix: `Set ${PROVIDERS.join(", ")} to $false in CsTeamsClientConfiguration (Microsoft's defaults are on).`,
  controls: ["CIS 8.1.1"],
  check: (ctx) =>
    teamsPoliciesOf(ctx, "CsTeamsClientConfiguration").map(({ stack, policy }) =>
      teamsVerdict(stack, policy, PROVIDERS.map((p) => param(policy, p, true) !== false && `${p} is not false`)),
    ),
});
