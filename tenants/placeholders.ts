/**
 * Values that stand in for the real thing and must never be deployed: the made-up ids, ranges and
 * names of an example or a fresh `werkplek init` file. `werkplek validate --strict` refuses a file
 * that has any; plain validation and synth accept it with one warning line.
 *
 * What counts: GUIDs whose first 20 hex digits are zero (the nil GUID among them), documentation
 * IP ranges (RFC 5737 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; RFC 3849 2001:db8::/32),
 * `PLACEHOLDER` markers in values or comments, image version `latest`, and example domains
 * (RFC 2606/6761: example.com, .net, .org, the .example, .test, .invalid and .localhost TLDs).
 */
import * as fs from "fs";
import { BlockList, isIP } from "net";
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from "yaml";

export interface Placeholder {
  readonly file: string;
  readonly line: number;
  /** Field path (`breakGlass.groupObjectId`), or empty for a marker in a comment. */
  readonly field: string;
  readonly why: string;
}

const ZERO_HEADED_GUID = /\b00000000-0000-0000-0000-[0-9a-f]{12}\b/i;
const EXAMPLE_DOMAIN = /(?:^|[@./\s])(?:[a-z0-9-]+\.)*(?:example\.(?:com|net|org)|[a-z0-9-]+\.(?:example|test|invalid|localhost))(?=$|[\s/:"'>,)\]])/i;

const DOCUMENTATION_RANGES = new BlockList();
DOCUMENTATION_RANGES.addSubnet("192.0.2.0", 24, "ipv4");
DOCUMENTATION_RANGES.addSubnet("198.51.100.0", 24, "ipv4");
DOCUMENTATION_RANGES.addSubnet("203.0.113.0", 24, "ipv4");
DOCUMENTATION_RANGES.addSubnet("2001:db8::", 32, "ipv6");

/** Why a scalar value is a placeholder, or undefined when it looks real. */
export function placeholderIn(field: string, value: string): string | undefined {
  if (ZERO_HEADED_GUID.test(value)) return `${value} is a placeholder id (a GUID that starts with zeros)`;
  if (/PLACEHOLDER/.test(value)) return "a PLACEHOLDER marker";
  const address = value.split("/")[0];
  const family = isIP(address);
  if (family && DOCUMENTATION_RANGES.check(address, family === 4 ? "ipv4" : "ipv6")) return `${value} is a documentation address range (RFC 5737/3849)`;
  if (/(^|\.)image\.version$/.test(field) && value === "latest") return 'image version "latest" is not a tested, pinned version';
  const domain = EXAMPLE_DOMAIN.exec(value);
  if (domain) return `${value} uses an example domain (RFC 2606)`;
  return undefined;
}

/** Every placeholder in one tenant file, in line order (a line is reported once). */
export function findPlaceholders(file: string, shown: string = file): Placeholder[] {
  const source = fs.readFileSync(file, "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, keepSourceTokens: false });
  const found = new Map<number, Placeholder>();
  const add = (p: Placeholder) => {
    if (!found.has(p.line)) found.set(p.line, p);
  };
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, String(i)]));
    } else if (isScalar(node) && node.value !== null && node.value !== undefined) {
      const field = path.join(".");
      const why = placeholderIn(field, String(node.value));
      const offset = (node as Node).range?.[0];
      if (why && offset !== undefined) add({ file: shown, line: lineCounter.linePos(offset).line, field, why });
    }
  };
  walk(doc.contents, []);
  // a comment that starts with the marker: `value # PLACEHOLDER: what to fill in`
  source.split("\n").forEach((text, i) => {
    const marker = /(?:^|\s)#\s*PLACEHOLDER\b:?\s*(.*)$/.exec(text);
    if (!marker) return;
    const key = /^\s*(?:-\s+)?([A-Za-z0-9_$-]+):/.exec(text)?.[1] ?? "";
    add({ file: shown, line: i + 1, field: key, why: `marked PLACEHOLDER${marker[1] ? `: ${marker[1].trimEnd()}` : ""}` });
  });
  return [...found.values()].sort((a, b) => a.line - b.line);
}

export function formatPlaceholder(p: Placeholder): string {
  return `${p.file}:${p.line}${p.field ? ` ${p.field}` : ""}: ${p.why}`;
}

/** One warning line for a tenant file that still has placeholders (plain validate and synth). */
export function placeholderWarning(placeholders: readonly Placeholder[]): string {
  const first = placeholders[0];
  return `warning: ${first.file} has ${placeholders.length} placeholder(s), first at line ${first.line}${first.field ? ` (${first.field})` : ""}; 'werkplek validate --strict' refuses them before a deploy\n`;
}
