#!/usr/bin/env bash
# Runs terraform over one tenant's synthesized stacks in deploy order. Thin on purpose: what the
# plans mean is decided by `werkplek drift` / `werkplek diff` (TypeScript, tested).
#
# Usage: stacks.sh plan|drift|apply <tenant>
#   plan   init + plan -lock=false -out, then show -json  (pull requests; read-only identity)
#   drift  init + plan -refresh-only -lock=false -out, then show -json  (nightly; read-only identity)
#   apply  init + plan -out, show -json, then apply of exactly that plan file, stack by stack,
#          so each stack is planned against the outputs the stacks before it just applied
# Env: CDKTF_OUTDIR (default cdktf.out), PLANS_DIR (default plans): <stack>.json per stack.
# Plan files and plan JSON hold sensitive values in clear text: never upload them as artifacts.
set -euo pipefail

mode="${1:?usage: stacks.sh plan|drift|apply <tenant>}"
tenant="${2:?usage: stacks.sh plan|drift|apply <tenant>}"
case "$mode" in plan | drift | apply) ;; *) echo "stacks.sh: unknown mode \"$mode\"; allowed: plan, drift, apply" >&2; exit 2 ;; esac
[[ "$tenant" =~ ^[a-z0-9-]+$ ]] || { echo "stacks.sh: tenant \"$tenant\" must match [a-z0-9-]+" >&2; exit 2; }

out="${CDKTF_OUTDIR:-cdktf.out}"
plans="${PLANS_DIR:-plans}"
mkdir -p "$plans"

# Deploy order; test/workflows.spec.ts checks it equals AREAS in constructs/werkplek-stack.ts.
AREAS="state identity collaboration devices remote-access conditional-access"

for area in $AREAS; do
  stack="$tenant-$area"
  dir="$out/stacks/$stack"
  if [[ ! -f "$dir/cdk.tf.json" ]]; then
    echo "::notice::$stack was not synthesized; skipped"
    continue
  fi
  # A stack on local state (the state bootstrap, or a tenant without `state:`) has no state on a runner.
  if node -e 'process.exit(require(require("path").resolve(process.argv[1])).terraform?.backend?.local ? 0 : 1)' "$dir/cdk.tf.json"; then
    echo "::notice::$stack keeps its state locally (bootstrap by hand, see docs/state.md); skipped"
    continue
  fi
  echo "::group::$mode $stack"
  # The collaboration stack's apply runs Apply-TeamsPolicies.ps1 (local-exec): fresh Teams tokens.
  if [[ "$mode" == apply && "$area" == collaboration && -z "${WERKPLEK_TEAMS_CERTIFICATE_PATH:-}" ]]; then
    # shellcheck source=teams-token.sh
    . "$(dirname "$0")/teams-token.sh"
  fi
  terraform -chdir="$dir" init -input=false -no-color
  case "$mode" in
    plan) terraform -chdir="$dir" plan -input=false -no-color -lock=false -out=tfplan ;;
    drift) terraform -chdir="$dir" plan -input=false -no-color -lock=false -refresh-only -out=tfplan ;;
    apply) terraform -chdir="$dir" plan -input=false -no-color -out=tfplan ;;
  esac
  terraform -chdir="$dir" show -json tfplan >"$plans/$stack.json"
  if [[ "$mode" == apply ]]; then
    terraform -chdir="$dir" apply -input=false -no-color tfplan
  fi
  echo "::endgroup::"
done
