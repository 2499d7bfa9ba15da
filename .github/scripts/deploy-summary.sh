#!/usr/bin/env bash
# The deploy plan job's summary, for the run page the approver reads before approving: the
# readable plan of every stack (`werkplek drift --summary`, risk flags included), the stacks that
# wait for the next run, and what approving will apply.
#
# Usage: deploy-summary.sh <tenant>   (in the workspace after stacks.sh deploy-plan)
# Env: PLANS_DIR (default plans), PLAN_BUNDLE (default deploy-plan), CDKTF_OUTDIR (default cdktf.out)
set -euo pipefail

tenant="${1:?usage: deploy-summary.sh <tenant>}"
plans="${PLANS_DIR:-plans}"
bundle="${PLAN_BUNDLE:-deploy-plan}"
control="$bundle/${CDKTF_OUTDIR:-cdktf.out}/deploy-plan"

shopt -s nullglob
files=("$plans"/*.json)
if ((${#files[@]} == 0)); then
  printf '## Deploy plan: %s\n\nNo stack on remote state: nothing planned, nothing to apply.\n' "$tenant"
  exit 0
fi
notes=()
if [[ -f "$control/waiting" ]]; then
  while IFS= read -r line; do [[ -n "$line" ]] && notes+=(--note "$line"); done <"$control/waiting"
fi
if [[ -f "$control/order" ]]; then
  notes+=(--note "Approving the $tenant environment applies exactly these plans, in this order: $(paste -sd ' ' "$control/order" | sed 's/ /, /g'). A plan that is stale by then (its state changed) stops the apply before anything is applied.")
else
  notes+=(--note "No stack has changes: nothing to apply, no approval asked.")
fi
npx werkplek drift --summary --title "Deploy plan: $tenant" --max-chars 60000 "${notes[@]}" "${files[@]}"
