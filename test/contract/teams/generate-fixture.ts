/**
 * Regenerates test/contract/teams/cmdlets.json and SOURCE.md: the facts the Teams contract test
 * checks werkplek against, extracted from Microsoft's cmdlet reference
 * (MicrosoftDocs/office-docs-powershell, teams/teams-ps/MicrosoftTeams/<cmdlet>.md).
 *
 *   git clone --bare https://github.com/MicrosoftDocs/office-docs-powershell /tmp/odp.git
 *   node -r ./bin/register.js test/contract/teams/generate-fixture.ts --git-dir /tmp/odp.git [--commit <sha>]
 *
 * Only facts are kept (names, types, accepted values, the notes that say a cmdlet or parameter
 * must not be used); no page text beyond those short notes. The cmdlets kept are the ones the
 * catalogue and the scripts use, the group policy assignment cmdlets, the Grant- cmdlets of the
 * catalogued policy types and the app-centric app management cmdlets.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { POLICY_TYPES, PolicyTypeSpec, SCRIPT_CMDLETS } from "../../../facts/teams-cmdlets";
import type { CmdletFacts, ParameterFacts } from "./contract";
import { scriptCalls, SCRIPTS } from "./scripts";

const REPOSITORY = "MicrosoftDocs/office-docs-powershell";
const FOLDER = "teams/teams-ps/MicrosoftTeams";
const ROOT = path.join(__dirname, "..", "..", "..");
const OUT = __dirname;

/** Cmdlets kept for the findings on group assignment and app-centric management, beyond the catalogue and scripts. */
const EXTRA = [
  "New-CsGroupPolicyAssignment",
  "Get-CsGroupPolicyAssignment",
  "Remove-CsGroupPolicyAssignment",
  "Set-CsGroupPolicyAssignment",
  "Get-CsUserPolicyAssignment",
  "Get-AllM365TeamsApps",
  "Get-M365TeamsApp",
  "Update-M365TeamsApp",
  "Get-M365UnifiedTenantSettings",
  "Update-M365UnifiedTenantSettings",
  "Get-M365UnifiedCustomPendingApps",
  "Update-M365UnifiedCustomPendingApp",
  "Get-CsTeamsSettingsCustomApp",
  "Set-CsTeamsSettingsCustomApp",
];

function git(gitDir: string, ...args: string[]): string {
  return execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
}

function show(gitDir: string, commit: string, file: string): string | undefined {
  try {
    return git(gitDir, "show", `${commit}:${file}`);
  } catch {
    return undefined;
  }
}

/** The text under a `## HEADING`, up to the next `## `. */
function section(text: string, heading: string): string {
  const m = text.match(new RegExp(`^## ${heading}\\s*$([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, "m"));
  return m ? m[1] : "";
}

const DO_NOT_USE =
  /\bdo not use\b|\bdon't use\b|\bdeprecated\b(?! in the future)|\bno effect\b|\baren't applied\b|\bare not applied\b|\bisn't applied\b|\bis not applied\b|\bhas been removed\b|\bremoved from version\b|\bhas been retired\b|\bis retired\b/i;
const CAVEAT =
  /\bdo not use\b|\bdon't use\b|\bdeprecat|\bno effect\b|\bnot applied\b|\baren't applied\b|\bisn't applied\b|\bhas been removed\b|\bremoved from version\b|\bretire|\bnot (yet )?(available|released|supported)\b|\bisn't (available|supported)\b|\bonly applicable for tenants\b/i;

/** Sentences (markdown stripped) of a text that carry a caveat. */
function caveats(text: string): string[] {
  const plain = text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/^>[ \t]*\[!\w+\][ \t]*$/gm, "")
    .replace(/^>[ \t]?/gm, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/<https?:[^>]+>/g, "")
    .replace(/\*\*|__|`/g, "")
    // join soft-wrapped lines of a paragraph; keep list items and paragraphs apart
    .replace(/\n(?![ \t]*(\n|[-*][ \t]|\d+\.[ \t]))/g, " ")
    .replace(/^\s*[-*]\s+/gm, "")
    .replace(/[ \t]+/g, " ");
  const sentences = plain.split("\n").flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z*])/));
  return [...new Set(sentences.map((s) => s.trim()).filter((s) => s.length > 0 && CAVEAT.test(s)))];
}

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;
const clean = (s: string) => s.replace(/\*\*|`|'|"|_(?=\w)|(?<=\w)_/g, "").trim();

/** Enumerated values in a parameter description, by the phrasings the pages use. */
function descriptionValues(description: string): string[] {
  const lines = description.split("\n");
  const found: string[] = [];
  const intro = /(possible|valid|allowed|supported|accepted|acceptable)\s+values?(\s+(are|is|include|for this parameter are))?\s*:?|values that can be used\s*:?|can be set to( one of the following)?\s*:?|set to one of the following( values)?\s*:?/i;
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(intro);
    if (!m) continue;
    const rest = lines[i].slice((m.index ?? 0) + m[0].length).replace(/^\s*[-–:]\s*/, "");
    const inline = rest
      .replace(/\.\s.*$|\.$/, "")
      .split(/,|\bor\b|\band\b|\|/)
      .map(clean)
      .filter((v) => IDENT.test(v));
    if (inline.length >= 2) {
      found.push(...inline);
      continue;
    }
    // a list on the following lines: "- **Value**, ...", "- Value: ...", "- Value", "Value"
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j].trim();
      if (line === "") {
        if (found.length > 0) break;
        continue;
      }
      const item = line.match(/^(?:[-*]\s+|\d+\.\s+)?(?:\*\*|`)?([A-Za-z][A-Za-z0-9_]*)(?:\*\*|`)?\s*(?:$|[:,(]|\s[-–]\s)/);
      if (!item || (!/^[-*\d]/.test(line) && line.split(/\s+/).length > 1 && !/^\S+\s[-–:]/.test(line))) break;
      found.push(item[1]);
    }
  }
  if (found.length >= 2) return [...new Set(found)];
  // "Set this to X to ... Set this to Y to ..."
  const setThis = [...description.matchAll(/\bset (?:this|it) to (?:\*\*|`|')?([A-Za-z][A-Za-z0-9_]*)/gi)].map((m) => m[1]).filter((v) => !/^(true|false)$/i.test(v));
  if (setThis.length >= 2) return [...new Set(setThis)];
  // consecutive "Value - explanation" lines
  const dashed = lines.map((l) => l.trim().match(/^([A-Z][A-Za-z0-9_]*) [-–] \S/)).filter((m): m is RegExpMatchArray => m !== null);
  if (dashed.length >= 2) return [...new Set(dashed.map((m) => m[1]))];
  return [];
}

function numericRange(description: string): ParameterFacts["range"] {
  const m = description.match(/from (-?[\d,]+) to (-?[\d,]+)/i) ?? description.match(/between (-?[\d,]+) and (-?[\d,]+)/i);
  if (!m) return undefined;
  const n = (s: string) => Number(s.replace(/,/g, ""));
  const also = [...description.matchAll(/can also be (-?\d+)/gi)].map((x) => Number(x[1]));
  return { min: n(m[1]), max: n(m[2]), ...(also.length > 0 ? { also } : {}) };
}

function yamlField(block: string, key: string): string | undefined {
  const m = block.match(new RegExp(`^${key}:[ \\t]*(.*)$`, "m"));
  return m ? m[1].trim() : undefined;
}

/** Parameters of a page: every `### -Name` section under PARAMETERS, plus names only in SYNTAX. */
function parameters(text: string): { params: Record<string, ParameterFacts>; common: boolean } {
  const body = section(text, "PARAMETERS");
  const params: Record<string, ParameterFacts> = {};
  const parts = body.split(/^### /m).slice(1);
  let common = false;
  const merged = new Map<string, string>();
  for (const part of parts) {
    const nl = part.indexOf("\n");
    const heading = part.slice(0, nl).trim();
    if (/^CommonParameters/i.test(heading)) {
      common = true;
      continue;
    }
    const m = heading.match(/^-?([A-Za-z][A-Za-z0-9]*)\b\s*(.*)$/);
    if (!m) continue;
    const name = m[1];
    merged.set(name, (merged.get(name) ?? "") + (m[2] ? `\n${m[2]}\n` : "") + part.slice(nl + 1));
  }
  for (const [name, content] of merged) {
    const blocks = [...content.matchAll(/```yaml\s*\n([\s\S]*?)```/g)].map((b) => b[1]);
    const description = content.replace(/```[\s\S]*?```/g, "").replace(/^>\s*Applicable:.*$/gm, "");
    const types = [...new Set(blocks.map((b) => yamlField(b, "Type")).filter((t): t is string => !!t))];
    const sets = [...new Set(blocks.map((b) => yamlField(b, "Parameter Sets")).filter((t): t is string => !!t && t !== "(All)"))];
    const accepted = blocks.map((b) => yamlField(b, "Accepted values")).find((v) => v);
    const type = types.join(" | ") || "unknown";
    let values: string[] = [];
    let valuesFrom: ParameterFacts["valuesFrom"];
    if (accepted) {
      values = accepted.split(",").map((v) => v.trim()).filter((v) => v.length > 0);
      valuesFrom = "accepted-values";
    } else if (!/^(Boolean|SwitchParameter)$/.test(type)) {
      values = descriptionValues(description);
      if (values.length > 0) valuesFrom = "description";
    }
    const range = /Int|Double|Decimal/.test(type) ? numericRange(description) : undefined;
    const notes = caveats(description);
    params[name] = {
      type,
      ...(values.length > 0 ? { values, valuesFrom } : {}),
      ...(range ? { range } : {}),
      ...(sets.length > 0 ? { parameterSets: sets } : {}),
      ...(notes.length > 0 ? { notes, doNotUse: notes.some((n) => DO_NOT_USE.test(n)) } : {}),
    };
  }
  // parameters named only in SYNTAX
  for (const m of section(text, "SYNTAX").matchAll(/(?:^|[\s[])-([A-Za-z][A-Za-z0-9]*)\]?(?:\s+<([^>]*)>)?/gm)) {
    if (!params[m[1]] && !/^(Debug|ErrorAction|ErrorVariable|WarningAction|WarningVariable|InformationAction|InformationVariable|OutVariable|OutBuffer|PipelineVariable|Verbose|ProgressAction)$/.test(m[1])) {
      params[m[1]] = { type: m[2] || "SwitchParameter", syntaxOnly: true };
    }
  }
  if (/<CommonParameters>/.test(section(text, "SYNTAX"))) common = true;
  return { params: Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))), common };
}

function cmdletFacts(gitDir: string, commit: string, cmdlet: string): CmdletFacts {
  const page = `${FOLDER}/${cmdlet}.md`;
  const text = show(gitDir, commit, page);
  if (text === undefined) {
    // where did it go? the last deletion of a page of that name anywhere under teams/
    const log = git(gitDir, "log", "-1", "--format=%H %cs", "--diff-filter=D", commit, "--", `teams/*/${cmdlet}.md`).trim();
    if (!log) return { exists: false, page };
    const [deleted, date] = log.split(" ");
    const file = git(gitDir, "show", "--name-only", "--diff-filter=D", "--format=", deleted, "--", `teams/*/${cmdlet}.md`).trim().split("\n")[0];
    const last = show(gitDir, `${deleted}^`, file) ?? "";
    const synopsis = section(last, "SYNOPSIS").replace(/^>\s*(\[!\w+\])?/gm, "").replace(/\s+/g, " ").trim();
    return { exists: false, page, removed: { path: file, commit: deleted, date, lastSynopsis: synopsis } };
  }
  const [pageCommit, pageDate] = git(gitDir, "log", "-1", "--format=%H %cs", commit, "--", page).trim().split(" ");
  const notes = caveats(section(text, "SYNOPSIS") + "\n" + section(text, "DESCRIPTION"));
  const { params, common } = parameters(text);
  return {
    exists: true,
    page,
    pageCommit,
    pageDate,
    ...(notes.length > 0 ? { notes, doNotUse: notes.some((n) => /do not use this cmdlet|aren't applied|are not applied|is deprecated|has been deprecated|has been retired/i.test(n)) } : {}),
    commonParameters: common,
    parameters: params,
  };
}

/** `Possible values:` list of Get-CsGroupPolicyAssignment -PolicyType. */
function listedPolicyTypes(text: string): string[] {
  const m = section(text, "PARAMETERS").match(/^### -PolicyType\s*$([\s\S]*?)```yaml/m);
  if (!m) return [];
  return m[1]
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[A-Z][A-Za-z]+$/.test(l));
}

/** The "except for the following" list of New-CsGroupPolicyAssignment, as policy type names. */
function unsupportedPolicyTypes(text: string): { names: string[]; types: string[]; note: string } {
  const d = section(text, "DESCRIPTION");
  const m = d.match(/(As of [^\n]*except for the following:)\s*\n((?:>\s*-[^\n]*\n)+)/);
  if (!m) return { names: [], types: [], note: "" };
  const names = m[2].split("\n").map((l) => l.replace(/^>\s*-\s*/, "").trim()).filter((l) => l.length > 0);
  return { names, types: names.map((n) => n.replace(/\s+/g, "")), note: m[1].replace(/^>\s*/, "") };
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const gitDir = arg("--git-dir");
  if (!gitDir) {
    console.error("usage: generate-fixture.ts --git-dir <bare clone of MicrosoftDocs/office-docs-powershell> [--commit <sha>]");
    process.exit(2);
  }
  const commit = git(gitDir, "rev-parse", arg("--commit") ?? "HEAD").trim();
  const commitDate = git(gitDir, "log", "-1", "--format=%cs", commit).trim();

  const specs = Object.entries(POLICY_TYPES) as [string, PolicyTypeSpec][];
  const wanted = new Set<string>(EXTRA);
  for (const [type, spec] of specs) {
    [spec.get, spec.set, spec.new].forEach((c) => c && wanted.add(c));
    if (spec.new) wanted.add(`Grant-Cs${type}`);
  }
  Object.keys(SCRIPT_CMDLETS).forEach((c) => wanted.add(c));
  for (const file of SCRIPTS) scriptCalls(fs.readFileSync(path.join(ROOT, file), "utf8")).forEach((c) => wanted.add(c.cmdlet));

  const cmdlets: Record<string, CmdletFacts> = {};
  for (const cmdlet of [...wanted].sort()) cmdlets[cmdlet] = cmdletFacts(gitDir, commit, cmdlet);

  // group policy assignment facts
  const newText = show(gitDir, commit, `${FOLDER}/New-CsGroupPolicyAssignment.md`) ?? "";
  const getText = show(gitDir, commit, `${FOLDER}/Get-CsGroupPolicyAssignment.md`) ?? "";
  const unsupported = unsupportedPolicyTypes(newText);
  const grantPages = git(gitDir, "ls-tree", "--name-only", commit, `${FOLDER}/`)
    .split("\n")
    .filter((f) => /\/Grant-Cs[^/]*\.md$/.test(f));
  const grantWithGroup: Record<string, { group: boolean; rank: boolean; rankType?: string }> = {};
  for (const file of grantPages.sort()) {
    const { params } = parameters(show(gitDir, commit, file) ?? "");
    grantWithGroup[path.basename(file, ".md")] = { group: !!params.Group, rank: !!params.Rank, ...(params.Rank ? { rankType: params.Rank.type } : {}) };
  }
  const deprecation = (section(newText, "DESCRIPTION").match(/This cmdlet will be deprecated[^\n]*/) ?? [""])[0].replace(/^>\s*/, "").trim();

  const fixture = {
    source: {
      repository: REPOSITORY,
      commit,
      commitDate,
      folder: FOLDER,
      generatedBy: "test/contract/teams/generate-fixture.ts",
    },
    groupPolicyAssignment: {
      setCsGroupPolicyAssignmentExists: cmdlets["Set-CsGroupPolicyAssignment"].exists,
      newCsGroupPolicyAssignment: {
        page: `${FOLDER}/New-CsGroupPolicyAssignment.md`,
        supportStatement: unsupported.note,
        unsupportedPolicyTypes: unsupported.types,
        unsupportedAsWritten: unsupported.names,
        deprecation,
      },
      /** Get-CsGroupPolicyAssignment -PolicyType "Possible values" (the only enumerated list of group-assignable types). */
      listedPolicyTypes: listedPolicyTypes(getText),
      /** Every Grant-Cs* page: does it document -Group and -Rank (the GrantToGroup parameter set)? */
      grantWithGroup,
    },
    cmdlets,
  };
  fs.writeFileSync(path.join(OUT, "cmdlets.json"), JSON.stringify(fixture, null, 2) + "\n");
  fs.writeFileSync(path.join(OUT, "SOURCE.md"), sourceMarkdown(fixture.source, cmdlets));
  console.log(`cmdlets.json: ${Object.keys(cmdlets).length} cmdlets from ${REPOSITORY}@${commit.slice(0, 10)} (${commitDate})`);
}

function sourceMarkdown(source: { repository: string; commit: string; commitDate: string; folder: string }, cmdlets: Record<string, CmdletFacts>): string {
  const rows = Object.entries(cmdlets).map(([name, c]) =>
    c.exists
      ? `| ${name} | yes | \`${c.page}\` | ${c.pageCommit} (${c.pageDate}) |`
      : `| ${name} | **no** | \`${c.page}\`${c.removed ? `; last at \`${c.removed.path}\`, deleted in ${c.removed.commit} (${c.removed.date})` : ""} | |`,
  );
  return [
    "# Source of cmdlets.json",
    "",
    `Extracted facts (cmdlet and parameter names, types, accepted values, "do not use"/deprecated notes)`,
    `from [${source.repository}](https://github.com/${source.repository}) at commit`,
    `\`${source.commit}\` (${source.commitDate}), folder \`${source.folder}/\`, one page per cmdlet.`,
    "",
    "Regenerate (network needed once for the clone; the test itself is offline):",
    "",
    "```sh",
    `git clone --bare https://github.com/${source.repository} /tmp/office-docs-powershell.git`,
    "node -r ./bin/register.js test/contract/teams/generate-fixture.ts --git-dir /tmp/office-docs-powershell.git",
    "npx jest test/contract/teams",
    "```",
    "",
    "`values` come from the page's `Accepted values:` line (`valuesFrom: accepted-values`) or, where the",
    "page has none, from the enumeration in the parameter's description (`valuesFrom: description`).",
    "Review the diff of cmdlets.json after regenerating: a description rewritten in a new style can",
    "drop or add values.",
    "",
    "`groupPolicyAssignment` is derived from three kinds of page: `listedPolicyTypes` is the",
    "`-PolicyType` \"Possible values\" list of `Get-CsGroupPolicyAssignment.md`;",
    "`newCsGroupPolicyAssignment.unsupportedPolicyTypes` is the \"except for the following\" list in",
    "`New-CsGroupPolicyAssignment.md` (names with spaces removed); `grantWithGroup` records, for every",
    "`Grant-Cs*.md` page, whether it documents `-Group` and `-Rank`. A cmdlet without a page is",
    "recorded with `exists: false` and, when the page was deleted, the deleting commit and its last synopsis.",
    "",
    "| cmdlet | page exists | page | last commit that changed the page |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

if (require.main === module) main();
