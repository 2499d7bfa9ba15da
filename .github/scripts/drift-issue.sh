#!/usr/bin/env bash
# Keeps one open issue per tenant in step with the drift report: opened or updated when there is
# drift (exit 1 of `werkplek drift`), closed when there is none (exit 0). A false "no drift" must
# never close the issue: it is closed only when the report itself says "No drift:" and nothing
# was left out of tonight's comparison (DRIFT_INCOMPLETE empty).
#
# Usage: drift-issue.sh <tenant> <werkplek drift exit code> <report.md>
# Env: GH_TOKEN (issues: write), RUN_URL (link to this run, optional),
#      DRIFT_INCOMPLETE (what was not compared tonight, e.g. "the Teams policy export failed").
set -euo pipefail

tenant="${1:?usage: drift-issue.sh <tenant> <exit code> <report.md>}"
code="${2:?usage: drift-issue.sh <tenant> <exit code> <report.md>}"
report="${3:?usage: drift-issue.sh <tenant> <exit code> <report.md>}"
title="werkplek drift: $tenant"
footer=$'\n\n---\n'"Updated by the nightly drift run${RUN_URL:+ ($RUN_URL)}. Fix it by applying the code again (re-run deploy) or by changing the code to match, in a pull request."

number="$(gh issue list --state open --label drift --limit 100 --json number,title --jq ".[] | select(.title == \"$title\") | .number" | head -n 1)"

case "$code" in
  1)
    body="$(cat "$report")$footer"
    if [[ -n "$number" ]]; then
      gh issue edit "$number" --body "$body"
      echo "updated issue #$number"
    else
      gh label create drift --color B60205 --description "live tenant differs from the code" --force
      gh issue create --title "$title" --label drift --body "$body"
    fi
    ;;
  0)
    if ! grep -q '^No drift: ' "$report"; then
      echo "drift-issue.sh: exit code 0 but $report does not say \"No drift:\"; not closing anything" >&2
      exit 2
    fi
    if [[ -n "$number" && -n "${DRIFT_INCOMPLETE:-}" ]]; then
      echo "::notice::issue #$number stays open: no drift found, but ${DRIFT_INCOMPLETE}, so not everything was compared"
    elif [[ -n "$number" ]]; then
      gh issue close "$number" --comment "No drift any more${RUN_URL:+ ($RUN_URL)}."
      echo "closed issue #$number"
    fi
    ;;
  *)
    echo "drift-issue.sh: exit code \"$code\" is not a drift result (0 or 1)" >&2
    exit 2
    ;;
esac
