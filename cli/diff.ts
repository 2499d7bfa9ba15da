import * as fs from "fs";
import { Command, parseFlags, UsageError } from "./command";
import { compare } from "./review/compare";
import { synthesizeRef } from "./review/git-synth";
import { COMMENT_LIMIT, renderDiff } from "./review/markdown";
import { readStackSet } from "./review/stack-set";

export const diffCommand: Command = {
  name: "diff",
  summary: "policy diff of two synthesized outputs, in words, with risk flags (Markdown)",
  usage: `Usage: werkplek diff --base <dir|git-ref> [--head <dir>] [--fail-on-risk] [--max-chars <n>]

Compares two synthesized outputs and prints Markdown for a pull-request comment, grouped by
area (identity, conditional access, Teams, devices, remote access, state), resource by resource
and attribute by attribute: conditional access policies in words (who, apps, conditions,
controls, state), groups by display name, NSG rules as "allow inbound Tcp 443 from Internet".

Risk flags: a protected resource deleted or replaced, destroy protection removed, a conditional
access policy weakened (enabled → report-only or disabled, a control removed, an exclusion
added, its scope narrowed), an NSG rule opened to the internet (not the application gateway's
door that guardrail WP-NET-007 permits with tenants/<tenant>.yaml: TCP 443, and 80 with
httpRedirectFromInternet), a Teams setting loosened, who may
create Microsoft 365 groups changed, a named location of countries widened, a storage account or
Key Vault firewall default_action Deny → Allow, a security setting weakened (VM password sign-in
enabled; storage account keys or public containers enabled, HTTPS-only off, minimum TLS
lowered), a guardrail suppression added (when both sides
have cdktf.out/guardrails.json). The tenant's break-glass group (from tenants/<tenant>.yaml, when
present) reads as "the emergency-access group".

Options:
  --base <dir|git-ref>  the old side: a cdktf output folder, or a git ref (e.g. origin/main)
                        that is synthesized in a temporary worktree (guardrail errors
                        there, synth exit 1, are fine: the base is what is deployed now)
  --head <dir>          the new side (default: cdktf.out; run 'npm run synth' first)
  --fail-on-risk        exit 1 when any risk flag is raised
  --max-chars <n>       cut the report at n characters, with a note (default: ${COMMENT_LIMIT})
  -h, --help            show this help

Exit codes: 0 done (or no risk with --fail-on-risk), 1 risk flags with --fail-on-risk,
2 bad flag or unreadable input.`,
  async run(argv, io) {
    const { values } = parseFlags("diff", argv, {
      base: { type: "string" },
      head: { type: "string" },
      "fail-on-risk": { type: "boolean" },
      "max-chars": { type: "string" },
    });
    if (!values.base) throw new UsageError("diff: --base <dir|git-ref> is required; see 'werkplek diff --help'");
    const maxChars = values["max-chars"] === undefined ? COMMENT_LIMIT : Number(values["max-chars"]);
    if (!Number.isInteger(maxChars) || maxChars < 500) {
      throw new UsageError(`diff: --max-chars "${values["max-chars"]}" is not allowed; allowed: a whole number of at least 500`);
    }
    const headDir = values.head ?? "cdktf.out";
    const head = readStackSet(headDir, "--head");

    const baseIsDir = fs.existsSync(values.base) && fs.statSync(values.base).isDirectory();
    const synthesized = baseIsDir ? undefined : synthesizeRef(values.base);
    try {
      const base = readStackSet(synthesized?.outdir ?? values.base, "--base");
      const result = compare(base, head);
      io.out(renderDiff(result, { baseName: values.base, headName: headDir, maxChars }));
      return values["fail-on-risk"] && result.riskCount > 0 ? 1 : 0;
    } finally {
      synthesized?.cleanup();
    }
  },
};
