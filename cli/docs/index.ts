import { conditionalAccessPage } from "./conditional-access";
import { DocsContext } from "./context";
import { identityPage } from "./identity";
import { networkPage } from "./network";
import { overviewPage } from "./overview";
import { teamsIntunePage } from "./teams-intune";
import { teleworkPage } from "./telework";

/** Page file name → writer. */
export const PAGES: Readonly<Record<string, (ctx: DocsContext) => string>> = {
  "README.md": overviewPage,
  "identity.md": identityPage,
  "conditional-access.md": conditionalAccessPage,
  "network.md": networkPage,
  "teams-intune.md": teamsIntunePage,
  "telewerk.md": teleworkPage,
};

export function renderPages(ctx: DocsContext): Record<string, string> {
  return Object.fromEntries(Object.entries(PAGES).map(([file, page]) => [file, page(ctx)]));
}
