/**
 * The MicrosoftTeams cmdlets the apply and export scripts call by name, with the parameters they
 * pass: `Verb-Cs...` and `Verb-...Team...` commands in the code (comments and string literals
 * removed). Calls made through the document (`& $cmdlets.set @parameters`) are listed separately.
 */

export const SCRIPTS = ["scripts/teams/Apply-TeamsPolicies.ps1", "scripts/teams/Export-TeamsPolicies.ps1", "scripts/teams/Apply-TeamsApps.ps1"] as const;

export interface ScriptCall {
  readonly cmdlet: string;
  /** Parameter names passed by name (`-Name`), without the dash. */
  readonly parameters: readonly string[];
  /** 1-based line in the script. */
  readonly line: number;
}

/** PowerShell operators that look like parameters. */
const OPERATORS = new Set([
  "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains", "notcontains",
  "in", "notin", "and", "or", "not", "xor", "is", "isnot", "as", "f", "replace", "split", "join",
]);

const TEAMS_CMDLET = /\b([A-Z][a-z]+-(?:Cs[A-Z][A-Za-z0-9]*|[A-Za-z0-9]*Teams?[A-Za-z0-9]*|M365[A-Za-z0-9]*))\b/g;

/** Code of a script with block comments, line comments and string literals blanked (line numbers kept). */
export function codeOnly(script: string): string {
  // one pass, so a quote inside a comment or a # inside a string is not taken for the other
  return script.replace(/<#[\s\S]*?#>|#[^\n]*|"(?:[^"`]|`[\s\S])*"|'[^'\n]*'/g, (m) => m.replace(/[^\n]/g, " "));
}

/** Every Teams cmdlet called by name, with the parameters on the same statement. */
export function scriptCalls(script: string): ScriptCall[] {
  const calls: ScriptCall[] = [];
  codeOnly(script)
    .split("\n")
    .forEach((text, i) => {
      for (const m of text.matchAll(TEAMS_CMDLET)) {
        const rest = text.slice((m.index ?? 0) + m[0].length).split(/[|;{}]/)[0];
        const parameters = [...rest.matchAll(/(?:^|\s)-([A-Za-z][A-Za-z0-9]*)\b/g)].map((p) => p[1]).filter((p) => !OPERATORS.has(p.toLowerCase()));
        calls.push({ cmdlet: m[1], parameters, line: i + 1 });
      }
    });
  return calls;
}

/** Parameters passed to cmdlets the script takes from the document (`& $x.y -Name ...`). */
export function dynamicCallParameters(script: string): { parameters: readonly string[]; line: number }[] {
  const calls: { parameters: readonly string[]; line: number }[] = [];
  codeOnly(script)
    .split("\n")
    .forEach((text, i) => {
      for (const m of text.matchAll(/&\s*\$[\w.]+([^|;{}]*)/g)) {
        const parameters = [...m[1].matchAll(/(?:^|\s)-([A-Za-z][A-Za-z0-9]*)\b/g)].map((p) => p[1]).filter((p) => !OPERATORS.has(p.toLowerCase()));
        calls.push({ parameters, line: i + 1 });
      }
    });
  return calls;
}
