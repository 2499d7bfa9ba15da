#!/usr/bin/env bash
# Prints, as a JSON list for a job matrix, the tenants whose plan job uploaded a plan bundle
# (artifact deploy-plan-<tenant>) in this workflow run: only they get an apply job and an
# approval request.
#
# Usage: planned-tenants.sh   Env: GH_TOKEN, GITHUB_REPOSITORY, GITHUB_RUN_ID (set by GitHub)
set -euo pipefail

: "${GITHUB_REPOSITORY:?planned-tenants.sh: GITHUB_REPOSITORY is not set}"
: "${GITHUB_RUN_ID:?planned-tenants.sh: GITHUB_RUN_ID is not set}"
gh api --paginate "repos/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID/artifacts?per_page=100" --jq '.artifacts[].name' |
  sed -n 's/^deploy-plan-\([a-z0-9-]*\)$/\1/p' | LC_ALL=C sort -u |
  awk 'BEGIN { printf "[" } { printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 } END { print "]" }'
