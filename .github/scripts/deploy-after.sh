#!/usr/bin/env bash
# After the deploy apply job, whatever its outcome: delete the tenant's plan artifact (plan files
# hold state in clear text) and remove the local copies; when the apply succeeded and stacks
# waited for outputs it changed, start the next deploy run for the tenant, which plans them
# against the applied values and asks for approval again. The longest chain of stacks reading
# each other's outputs is three (identity → remote-access → conditional-access), so a third run
# starts none.
#
# Usage: deploy-after.sh <tenant>
# Env: GH_TOKEN, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_REF_NAME (set by GitHub); APPLY (the
# apply step's outcome), ROUND (this run's round, 1 unless started by a previous run)
set -euo pipefail

tenant="${1:?usage: deploy-after.sh <tenant>}"
[[ "$tenant" =~ ^[a-z0-9-]+$ ]] || { echo "deploy-after.sh: tenant \"$tenant\" must match [a-z0-9-]+" >&2; exit 2; }
round="${ROUND:-1}"
waiting="${CDKTF_OUTDIR:-cdktf.out}/deploy-plan/waiting"
MAX_ROUNDS=3

id="$(gh api "repos/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID/artifacts?name=deploy-plan-$tenant" --jq '.artifacts[0].id // empty')"
if [[ -n "$id" ]]; then
  gh api --method DELETE "repos/$GITHUB_REPOSITORY/actions/artifacts/$id"
  echo "deleted the plan artifact deploy-plan-$tenant"
fi

if [[ "${APPLY:-}" == success && -s "$waiting" ]]; then
  if ((round >= MAX_ROUNDS)); then
    echo "::warning::stacks of $tenant still wait after $round runs; start deploy for $tenant by hand once the cause is clear:"
    cat "$waiting"
  else
    gh workflow run deploy.yml --ref "$GITHUB_REF_NAME" -f tenant="$tenant" -f round="$((round + 1))"
    echo "::notice::started deploy for $tenant again (run $((round + 1)) of at most $MAX_ROUNDS): it plans the stacks that waited; approve it too"
  fi
fi
rm -rf "${CDKTF_OUTDIR:-cdktf.out}"
