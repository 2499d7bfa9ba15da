#!/usr/bin/env bash
# Exports the live Teams policies of one tenant for `werkplek drift --teams`: copies the desired
# document the collaboration stack synthesized to teams/desired.json and writes the tenant's
# current values in the same shape to teams/exported.json (scripts/teams/Export-TeamsPolicies.ps1).
# The group ids the apply used come from the collaboration stack's output teams_group_ids.
# Thin on purpose: the comparison is TypeScript (constructs/teams/compare.ts), tested.
set -euo pipefail

tenant="${1:?usage: teams-export.sh <tenant>}"
[[ "$tenant" =~ ^[a-z0-9-]+$ ]] || { echo "teams-export.sh: tenant \"$tenant\" must match [a-z0-9-]+" >&2; exit 2; }
dir="${CDKTF_OUTDIR:-cdktf.out}/stacks/$tenant-collaboration"
desired="$(find "$dir" -name teams-policies.json -print -quit 2>/dev/null || true)"
if [[ -z "$desired" ]]; then echo "::notice::$tenant has no Teams policies document; skipped"; exit 0; fi
if node -e 'process.exit(require(require("path").resolve(process.argv[1])).terraform?.backend?.local ? 0 : 1)' "$dir/cdk.tf.json"; then
  echo "::notice::$tenant-collaboration keeps its state locally; Teams drift skipped"
  exit 0
fi

mkdir -p teams
cp "$desired" teams/desired.json
# werkplek_group_<key>=<object id> for every group with an assigned Teams policy
if ! ids="$(terraform -chdir="$dir" output -json teams_group_ids)"; then
  echo "::warning::$tenant-collaboration has no output teams_group_ids yet (apply it once): group assignments will show as drift"
  ids='{}'
fi
while IFS='=' read -r name value; do
  [[ "$name" =~ ^werkplek_group_[a-z0-9_]+$ ]] && export "$name=$value"
done < <(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$ids")

if [[ -z "${WERKPLEK_TEAMS_CERTIFICATE_PATH:-}" ]]; then
  # shellcheck source=teams-token.sh
  . "$(dirname "$0")/teams-token.sh"
fi
pwsh -NoProfile -NonInteractive -File scripts/teams/Export-TeamsPolicies.ps1 -Path teams/desired.json -OutFile teams/exported.json
