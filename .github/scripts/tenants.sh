#!/usr/bin/env bash
# Prints the tenants as a JSON list for a job matrix: the names of tenants/*.yaml, or only the
# one given (which must exist).
#
# Usage: tenants.sh [tenant]
set -euo pipefail

only="${1:-}"
all=()
for f in tenants/*.yaml; do
  name="$(basename "$f" .yaml)"
  all+=("$name")
done
if [[ -n "$only" ]]; then
  for t in "${all[@]}"; do
    if [[ "$t" == "$only" ]]; then
      printf '["%s"]\n' "$only"
      exit 0
    fi
  done
  echo "tenants.sh: unknown tenant \"$only\"; known: ${all[*]}" >&2
  exit 2
fi
printf '%s\n' "${all[@]}" | sort | awk 'BEGIN { printf "[" } { printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 } END { print "]" }'
