#!/usr/bin/env bash
# Puts the pull-request comment together from the review and plan artifacts, each part within its
# own character budget so the whole stays under GitHub's 65,536-character comment limit:
#   diff.md          40,000 (werkplek diff --max-chars 40000 cuts it already; cut again if bigger)
#   guardrails.md    12,000
#   plan-*.md        10,000 together, shared evenly between the tenants
# sticky-comment.sh cuts the whole at 65,000 as a last resort. Every cut ends in a "✂️ cut" note.
#
# Usage: review-comment.sh <artifacts dir> [plan job result] >comment.md
set -euo pipefail

dir="${1:?usage: review-comment.sh <artifacts dir> [plan job result]}"
plan_result="${2:-unknown}"
cut="$(dirname "$0")/cut.sh"

if [[ -f "$dir/diff.md" ]]; then
  "$cut" 40000 "$dir/diff.md"
else
  printf '## werkplek diff\n\nNot available: the review job failed before the diff.\n'
fi
printf '\n## Guardrails\n\n'
if [[ -f "$dir/guardrails.md" ]]; then "$cut" 12000 "$dir/guardrails.md"; else printf 'Not available.\n'; fi
printf '\n'
shopt -s nullglob
plans=("$dir"/plan-*.md)
if ((${#plans[@]})); then
  per=$((10000 / ${#plans[@]}))
  for p in "${plans[@]}"; do
    "$cut" "$per" "$p"
    printf '\n'
  done
else
  printf '## Plan\n\nNot available (plan job: %s).\n' "$plan_result"
fi
