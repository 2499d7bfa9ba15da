import { DocsContext } from "./context";
import { identityPage } from "./identity";
import { overviewPage } from "./overview";

/** Page file name → writer. The order is the order of the overview's page list. */
export const PAGES: Readonly<Record<string, (ctx: DocsContext) => string>> = {
  "README.md": overviewPage,
  "identity.md": identityPage,
};

export function renderPages(ctx: DocsContext): Record<string, string> {
  return Object.fromEntries(Object.entries(PAGES).map(([file, page]) => [file, page(ctx)]));
}
