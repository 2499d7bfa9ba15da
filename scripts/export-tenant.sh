#!/usr/bin/env bash
# Read-only export of what a tenant already has, for `werkplek adopt --from <dir>`: the Graph list
# responses of the object kinds werkplek manages, every page merged, as
#   <dir>/<api version>/<graph path with "/" as "_">.json   holding   {"value": [...]}
# e.g. v1.0/groups.json, beta/deviceManagement_deviceCompliancePolicies.json. With --teams it also
# writes the Teams export (scripts/teams/Export-TeamsPolicies.ps1) to <dir>/teams-export.json.
#
# Signs in as the Azure CLI does: `az login` by hand, or the pipeline's OIDC login in CI. Only GET
# requests; the identity needs read rights only (Group.Read.All, Policy.Read.All,
# DeviceManagementConfiguration.Read.All, DeviceManagementServiceConfig.Read.All). Needs az and jq.
set -euo pipefail

usage="usage: export-tenant.sh <dir> [--teams <teams-policies.json>]"
out="${1:?$usage}"
shift
teams=""
while (($#)); do
  case "$1" in
    --teams) teams="${2:?$usage}"; shift 2 ;;
    *) echo "export-tenant.sh: unknown argument \"$1\"; $usage" >&2; exit 2 ;;
  esac
done

# <api version> <graph path> [query]: the list werkplek adopt reads (cli/adopt.ts EXPORTS; a test keeps them equal)
EXPORTS=(
  "v1.0 groups \$select=id,displayName,description,groupTypes,membershipRule,securityEnabled,mailEnabled,isAssignableToRole,resourceProvisioningOptions"
  "v1.0 identity/conditionalAccess/policies"
  "v1.0 identity/conditionalAccess/namedLocations"
  "beta deviceManagement/deviceCompliancePolicies"
  "beta deviceManagement/deviceConfigurations"
  "beta deviceManagement/configurationPolicies"
  "beta deviceManagement/windowsAutopilotDeploymentProfiles"
  "v1.0 groupSettings"
  "v1.0 groupLifecyclePolicies"
)

pages="$(mktemp -d)"
trap 'rm -rf "$pages"' EXIT
for entry in "${EXPORTS[@]}"; do
  read -r version graphPath query <<<"$entry"
  url="https://graph.microsoft.com/$version/$graphPath${query:+?$query}"
  file="$out/$version/${graphPath//\//_}.json"
  mkdir -p "$out/$version"
  n=0
  while [[ -n "$url" ]]; do
    az rest --method get --url "$url" --output json >"$pages/$n.json"
    url="$(jq -r '."@odata.nextLink" // empty' "$pages/$n.json")"
    n=$((n + 1))
  done
  for ((i = 0; i < n; i++)); do cat "$pages/$i.json"; done | jq -s '{value: [.[].value[]]}' >"$file"
  rm -f "$pages"/*.json
  echo "$file: $(jq '.value | length' "$file") object(s)"
done

if [[ -n "$teams" ]]; then
  pwsh -NoProfile -NonInteractive -File scripts/teams/Export-TeamsPolicies.ps1 -Path "$teams" -OutFile "$out/teams-export.json"
fi
