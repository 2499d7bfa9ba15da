/**
 * Writes guardrails/RULES.md from the rules' own metadata (`npm run rules`). A test fails when the
 * file is out of date.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "./registry";
import { RULE_AREAS } from "./rule";

export const CATALOGUE_FILE = path.join(__dirname, "RULES.md");

const AREA_TITLES: Record<(typeof RULE_AREAS)[number], string> = {
  ID: "Identity (Entra ID tenant settings, groups, roles)",
  CA: "Conditional access",
  TEAMS: "Microsoft Teams",
  INTUNE: "Intune (Windows laptops)",
  NET: "Network (remote access)",
  VM: "Virtual machines (remote access)",
  KV: "Key Vault",
  STATE: "Terraform state and storage",
  SEC: "Secrets",
};

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderCatalogue(): string {
  const lines = [
    "# Guardrail rules",
    "",
    "Generated from the rules' metadata by `npm run rules`; do not edit by hand.",
    "",
    "Every rule runs on the synthesized Terraform JSON at `npm run synth` and in `npx werkplek check`.",
    "An **error** finding fails synthesis and the check (exit 1); a **warning** is reported only.",
    "Suppress a finding under `guardrails.suppressions` in the tenant file with a reason; rules marked",
    "**not suppressible** cannot be. A rule that finds nothing of its kind passes as not applicable.",
    "",
    `${RULES.length} rules: ${RULES.filter((r) => r.level === "error").length} errors, ${RULES.filter((r) => r.level === "warning").length} warnings.`,
    "",
    "Control ids: SCuBA `MS.AAD.x.y` / `MS.TEAMS.x.y`, CIS Microsoft 365 Foundations `CIS x.y.z`,",
    "Maester `MT.xxxx` and `EIDSCA.xxnn`, Checkov `CKV_AZURE_n`, OpenIntuneBaseline `OIB ...`.",
  ];
  for (const area of RULE_AREAS) {
    const rules = RULES.filter((r) => r.id.startsWith(`WP-${area}-`));
    if (!rules.length) continue;
    lines.push("", `## ${AREA_TITLES[area]}`, "", "| id | level | rule | controls |", "| --- | --- | --- | --- |");
    for (const r of rules) {
      const level = r.suppressible === false ? `${r.level}, not suppressible` : r.level;
      lines.push(`| [${r.id}](#${r.id.toLowerCase()}) | ${level} | ${cell(r.title)} | ${r.controls.join(", ")} |`);
    }
    for (const r of rules) {
      lines.push("", `### ${r.id}`, "", `**${r.title}** (${r.level}${r.suppressible === false ? ", not suppressible" : ""})`, "");
      lines.push(`Why: ${r.explanation}`, "", `Fix: ${r.fix}`, "", `Controls: ${r.controls.join(", ")}`);
    }
  }
  return lines.join("\n") + "\n";
}

if (require.main === module) {
  fs.writeFileSync(CATALOGUE_FILE, renderCatalogue());
  process.stdout.write(`wrote ${path.relative(process.cwd(), CATALOGUE_FILE)}\n`);
}
