/**
 * Markdown for a pull-request comment: risk flags first, then the changes grouped by area,
 * resource by resource. Cut at a character budget (GitHub comments hold 65,536) with a note.
 */
import { Area } from "../../stacks/werkplek-stack";
import type { AttributeChange } from "./attributes";
import type { DiffResult, ResourceChange } from "./compare";
import type { Action, RiskKind } from "./risks";

export const COMMENT_LIMIT = 65_000;

export const AREA_TITLES: Record<Area | "other", string> = {
  state: "State",
  identity: "Identity",
  "conditional-access": "Conditional access",
  collaboration: "Teams",
  devices: "Devices",
  "remote-access": "Remote access",
  other: "Other stacks",
};

/**
 * The order areas are shown in a review: what people notice first. Not the deploy order (AREAS,
 * where conditional access comes last so its groups and locations exist).
 */
export const DISPLAY_AREAS: readonly (Area | "other")[] = ["identity", "conditional-access", "collaboration", "devices", "remote-access", "state", "other"];

export const RISK_TITLES: Record<RiskKind, string> = {
  "protected-deleted": "protected resource deleted",
  "protected-replaced": "protected resource replaced",
  "protection-removed": "destroy protection removed",
  "ca-weakened": "conditional access weakened",
  "nsg-internet": "NSG opened to the internet",
  "teams-loosened": "Teams setting loosened",
  "group-creation": "who may create groups changed",
  "location-widened": "named location widened",
  "firewall-opened": "firewall opened",
  "setting-weakened": "security setting weakened",
  "remote-support-widened": "remote support widened",
  "suppression-added": "guardrail suppression added",
};

const SYMBOL: Record<Action, string> = { create: "+", delete: "−", update: "~", replace: "±" };
const VERB: Record<Action, string> = { create: "created", delete: "deleted", update: "updated", replace: "replaced" };

/** Escapes text for a table cell. */
export function cell(s: string | undefined): string {
  if (s === undefined) return "_(none)_";
  if (s === "") return '`""`';
  return "`" + s.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ") + "`";
}

export function attributeTable(attrs: readonly AttributeChange[]): string {
  if (attrs.length === 0) return "";
  const rows = attrs.map((a) => `| \`${a.path}\` | ${cell(a.before)} | ${cell(a.after)} |`);
  return ["| attribute | before | after |", "| --- | --- | --- |", ...rows].join("\n") + "\n";
}

function wordsBlock(c: ResourceChange): string {
  const after = c.words?.after;
  const before = c.words?.before;
  if (!after && !before) return "";
  if (!after) return before!.map((l) => `- ${l}`).join("\n") + "\n";
  return (
    after
      .map((line, i) => {
        const old = before?.[i];
        return old !== undefined && old !== line && c.action !== "create" ? `- ${line}\n  - was: ${old.replace(/^\*\*[^*]+\*\* ?/, "")}` : `- ${line}`;
      })
      .join("\n") + "\n"
  );
}

function changeBlock(c: ResourceChange, showTenant: boolean): string {
  const who = showTenant ? `${c.tenant} · ` : "";
  let s = `#### ${SYMBOL[c.action]} ${who}${c.label} — ${VERB[c.action]}\n\`${c.address}\` in \`${c.stack}\`\n\n`;
  for (const r of c.risks) s += `> ⚠️ **${RISK_TITLES[r.kind]}:** ${r.message}\n`;
  if (c.risks.length) s += "\n";
  for (const n of c.notes) s += `_${n}_\n\n`;
  const w = wordsBlock(c);
  if (w) s += w + "\n";
  if (c.action === "create" && c.attributes.length > 6) {
    s += `<details><summary>${c.attributes.length} attributes</summary>\n\n${attributeTable(c.attributes)}\n</details>\n\n`;
  } else if (c.attributes.length) {
    s += attributeTable(c.attributes) + "\n";
  }
  return s;
}

export interface RenderOptions {
  readonly baseName: string;
  readonly headName: string;
  /** @default COMMENT_LIMIT */
  readonly maxChars?: number;
}

/** The whole report; never longer than `maxChars`. */
export function renderDiff(result: DiffResult, opts: RenderOptions): string {
  const max = opts.maxChars ?? COMMENT_LIMIT;
  const title = "## werkplek diff\n\n";
  const compared = `Compared \`${opts.baseName}\` (base) with \`${opts.headName}\` (head).\n\n`;
  if (result.changes.length === 0 && result.suppressions.length === 0) {
    return `${title}No changes.\n\n${compared}`;
  }
  const tenants = new Set(result.changes.map((c) => c.tenant));
  const counts = (["create", "update", "replace", "delete"] as const)
    .map((a) => [a, result.changes.filter((c) => c.action === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} ${VERB[a]}`)
    .join(", ");
  const head =
    title +
    (result.riskCount ? `⚠️ **${result.riskCount} risk flag${result.riskCount === 1 ? "" : "s"}** · ` : "No risk flags · ") +
    `${result.changes.length} change${result.changes.length === 1 ? "" : "s"}${counts ? ` (${counts})` : ""} in ${[...tenants].join(", ") || "no stack"}.\n\n` +
    compared;

  const blocks: string[] = [];
  const flags = [
    ...result.changes.flatMap((c) => c.risks.map((r) => `- **${RISK_TITLES[r.kind]}** · ${c.tenant} · ${c.label}: ${r.message}\n`)),
    ...result.suppressions.map((s) => `- **${RISK_TITLES[s.risk.kind]}** · ${s.risk.message}\n`),
  ];
  // a heading travels with its first block, so a cut never leaves a heading without content
  blocks.push(...headed("### Risk flags\n\n", flags.length ? [...flags.slice(0, -1), flags[flags.length - 1] + "\n"] : []));
  const showTenant = tenants.size > 1;
  for (const area of DISPLAY_AREAS) {
    const inArea = result.changes.filter((c) => c.area === area);
    blocks.push(...headed(`### ${AREA_TITLES[area]}\n\n`, inArea.map((c) => changeBlock(c, showTenant))));
  }
  blocks.push(
    ...headed(
      "### Guardrails\n\n",
      result.suppressions.map((s) => {
        const f = s.finding;
        return `- \`${f.rule}\` (${f.level}) on \`${f.stack}\`${f.resource ? ` \`${f.resource}\`` : ""} is now suppressed: ${f.message}${f.reason ? ` — reason: "${f.reason}"` : ""}\n`;
      }),
    ),
  );
  return fit(head, blocks, max, "werkplek diff");
}

/** Blocks under a heading, the heading joined to the first one; nothing when there are no blocks. */
export function headed(heading: string, blocks: readonly string[]): string[] {
  return blocks.length ? [heading + blocks[0], ...blocks.slice(1)] : [];
}

/** Length in characters (code points), as .github/scripts/cut.sh counts; `.length` counts UTF-16 units. */
export function chars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) if (s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff) i++; // a surrogate pair is one character
  return n;
}

/**
 * Joins blocks while they fit in `max` characters, then a note saying how much was left out and
 * how to see it all (`command`, e.g. "werkplek diff", run again with a larger --max-chars).
 */
export function fit(head: string, blocks: readonly string[], max: number, command: string): string {
  const sizes = blocks.map(chars);
  const total = chars(head) + sizes.reduce((a, b) => a + b, 0);
  let out = head;
  let used = chars(head);
  for (let i = 0; i < blocks.length; i++) {
    const rest = blocks.length - i;
    const note =
      `\n> ✂️ ${rest} more block${rest === 1 ? "" : "s"} not shown (${(total - used).toLocaleString("en-US")} of the ${total.toLocaleString("en-US")} characters), ` +
      `to stay within ${max.toLocaleString("en-US")} characters (--max-chars). For everything, run \`npx ${command}\` with a larger --max-chars.\n`;
    // the note shrinks as blocks are added, so the one that fitted before still fits here
    if (used + sizes[i] + (i < blocks.length - 1 ? chars(note) : 0) > max) return [...(out + note)].slice(0, max).join("");
    out += blocks[i];
    used += sizes[i];
  }
  return out;
}
