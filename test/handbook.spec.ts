/**
 * The handbook: README.md stays the front door (at most 250 lines), every relative link and
 * #anchor in README.md and docs/*.md resolves, and every section of the old one-page README
 * still exists on the page it moved to (test/fixtures/handbook-headings.json). Markdown only, no
 * synthesis.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const README_MAX_LINES = 250;

interface MovedSection {
  /** A `##`/`###` heading of the old README, word for word. */
  readonly heading: string;
  /** The page (from the repository root) that has this heading now. */
  readonly page: string;
  /** Page → a sentence of the section, taken over word for word (line breaks may differ). */
  readonly quotes: Readonly<Record<string, string>>;
}

const MOVED: readonly MovedSection[] = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "handbook-headings.json"), "utf8")).headings;

/** README.md and every docs/*.md, as paths from the repository root. */
function handbookPages(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md"));
  return ["README.md", ...docs.sort().map((f) => `docs/${f}`)];
}

function read(page: string): string {
  return fs.readFileSync(path.join(ROOT, page), "utf8");
}

/** The lines outside fenced code blocks (``` or ~~~), with inline code spans blanked. */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      lines.push("");
    } else if (marker) {
      fence = marker;
      lines.push("");
    } else {
      lines.push(line.replace(/(`+)[^`]*?\1/g, (m) => " ".repeat(m.length)));
    }
  }
  return lines;
}

/** Heading texts (ATX, levels 1–6) outside code blocks, as written. */
function headings(markdown: string): string[] {
  const texts: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    const m = fence ? null : /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) texts.push(m[1]);
  }
  return texts;
}

/** GitHub's anchor for a heading: link syntax reduced to its text, lowercase, punctuation other than "-" and "_" dropped, each space a dash. */
function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a page; a repeated heading gets -1, -2, ... as on GitHub. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const h of headings(markdown)) {
    const base = slug(h);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

interface Link {
  readonly line: number;
  readonly target: string;
}

/** Inline links and images `[text](target)` outside code, with their line numbers. */
function links(markdown: string): Link[] {
  const found: Link[] = [];
  proseLines(markdown).forEach((line, i) => {
    for (const m of line.matchAll(/\]\(\s*(?:<([^>]*)>|([^)\s]*))(?:\s+"[^"]*")?\s*\)/g)) found.push({ line: i + 1, target: m[1] ?? m[2] });
  });
  return found;
}

/** What is wrong with a relative link from `page`, or undefined when it resolves. */
function brokenLink(page: string, target: string): string | undefined {
  const [file, anchor] = target.split("#", 2) as [string, string | undefined];
  const resolved = file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(file)));
  if (resolved.startsWith("..")) return `points outside the repository (${resolved})`;
  const absolute = path.join(ROOT, resolved);
  if (!fs.existsSync(absolute)) return `${resolved} does not exist`;
  if (anchor === undefined) return undefined;
  if (!resolved.endsWith(".md") || fs.statSync(absolute).isDirectory()) return `#${anchor} on ${resolved}, which is not a Markdown file`;
  const known = anchors(read(resolved));
  return known.has(anchor) ? undefined : `${resolved} has no heading with anchor #${anchor}`;
}

const isRelative = (target: string) => target !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(target);
const oneLine = (text: string) => text.replace(/\s+/g, " ");

describe("README.md is the front door", () => {
  test(`it has at most ${README_MAX_LINES} lines (as wc -l counts them)`, () => {
    const lines = (read("README.md").match(/\n/g) ?? []).length;
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });

  test("it shows the two set-up commands and links to the handbook index", () => {
    const readme = read("README.md");
    expect(readme).toContain("npm ci && npm run synth");
    expect(readme).toMatch(/^npm test\b/m);
    expect(links(readme).map((l) => l.target)).toContain("docs/README.md");
  });

  test("the handbook index links every page of docs/", () => {
    const linked = new Set(links(read("docs/README.md")).map((l) => l.target.split("#")[0]));
    const pages = handbookPages().filter((p) => p.startsWith("docs/") && p !== "docs/README.md");
    expect(pages.filter((p) => !linked.has(path.posix.basename(p)))).toEqual([]);
  });
});

describe("links between the pages", () => {
  test("the link and heading readers see real links and anchors", () => {
    expect(slug("What-if: asking what a policy does to someone")).toBe("what-if-asking-what-a-policy-does-to-someone");
    expect(slug("Why CI applies saved plans, not `cdktf deploy`")).toBe("why-ci-applies-saved-plans-not-cdktf-deploy");
    expect(slug("Devices (Intune)")).toBe("devices-intune");
    expect(anchors("# A\n## B\n```\n# not a heading\n```\n## B\n")).toEqual(new Set(["a", "b", "b-1"]));
    expect(links("see [x](a.md#b) and `[y](c.md)`\n```\n[z](d.md)\n```\n[w](<e f.md> \"t\")\n")).toEqual([
      { line: 1, target: "a.md#b" },
      { line: 5, target: "e f.md" },
    ]);
    const relative = handbookPages().flatMap((p) => links(read(p)).filter((l) => isRelative(l.target)));
    expect(relative.length).toBeGreaterThan(50);
    expect(relative.filter((l) => l.target.includes("#")).length).toBeGreaterThan(10);
  });

  test.each(handbookPages())("every relative link in %s points to an existing file and heading", (page) => {
    const problems = links(read(page))
      .filter((l) => isRelative(l.target))
      .map((l) => ({ link: `${page}:${l.line} (${l.target})`, problem: brokenLink(page, l.target) }))
      .filter((p) => p.problem !== undefined);
    expect(problems).toEqual([]);
  });
});

describe("no content of the one-page README is lost", () => {
  test("the list covers the old README's 21 section headings, each once", () => {
    expect(MOVED).toHaveLength(21);
    expect(new Set(MOVED.map((s) => s.heading)).size).toBe(MOVED.length);
  });

  test.each(MOVED.map((s) => [s.heading, s] as const))("%s", (_heading, section) => {
    expect(handbookPages()).toContain(section.page);
    expect(headings(read(section.page))).toContain(section.heading);
    expect(Object.keys(section.quotes)).toContain(section.page);
    for (const [page, quote] of Object.entries(section.quotes)) {
      expect({ page, quote, present: oneLine(read(page)).includes(oneLine(quote)) }).toEqual({ page, quote, present: true });
    }
  });
});
