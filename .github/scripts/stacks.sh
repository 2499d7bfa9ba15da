#!/usr/bin/env bash
# Runs terraform over one tenant's synthesized stacks in deploy order. Thin on purpose: what the
# plans mean is decided by `werkplek drift` / `werkplek diff` and cli/deploy-plan.ts (TypeScript,
# tested).
#
# Usage: stacks.sh plan|drift|deploy-plan|apply <tenant>
#   plan         init + plan -lock=false -out, then show -json  (pull requests; read-only identity)
#   drift        init + plan -refresh-only -lock=false -out, then show -json  (nightly; read-only identity)
#   deploy-plan  init + plan -lock=false -out + show -json per stack (deploy's plan job; read-only
#                identity), then the plan bundle for the apply job: the folders of the stacks whose
#                plan changes something, each with its plan file, and their order. A stack that reads
#                an output another stack's plan changes waits for the next deploy run.
#   apply        the apply job, after the approval: checks the downloaded bundle, inits every stack,
#                checks that no plan is stale, then `terraform apply <plan file>` stack by stack
# Every init is `-lockfile=readonly` against the committed provider lock file that synth copies
# into each stack folder; without it the script stops before terraform runs.
# Env: CDKTF_OUTDIR (default cdktf.out, relative for deploy-plan and apply), PLANS_DIR (default
# plans): <stack>.json per stack; PLAN_BUNDLE (default deploy-plan): the bundle deploy-plan writes.
# Plan files and plan JSON hold sensitive values in clear text (see docs/ci-and-deploy.md).
set -euo pipefail

usage="usage: stacks.sh plan|drift|deploy-plan|apply <tenant>"
mode="${1:?$usage}"
tenant="${2:?$usage}"
case "$mode" in plan | drift | deploy-plan | apply) ;; *) echo "stacks.sh: unknown mode \"$mode\"; allowed: plan, drift, deploy-plan, apply" >&2; exit 2 ;; esac
[[ "$tenant" =~ ^[a-z0-9-]+$ ]] || { echo "stacks.sh: tenant \"$tenant\" must match [a-z0-9-]+" >&2; exit 2; }

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${CDKTF_OUTDIR:-cdktf.out}"
plans="${PLANS_DIR:-plans}"
bundle="${PLAN_BUNDLE:-deploy-plan}"
control="$out/deploy-plan" # order, waiting notes and checksums of a plan bundle
refresh="run the providers-lock workflow (Actions → providers-lock → Run workflow), merge its pull request, and run this again; docs/ci-and-deploy.md#provider-lock-file"

# Deploy order; test/workflows.spec.ts checks it equals AREAS in stacks/werkplek-stack.ts.
AREAS="state identity collaboration devices remote-access conditional-access"

deploy_plan() { node -r "$root/bin/register.js" "$root/cli/deploy-plan.ts" "$@"; }

init() {
  local stack="$1" dir="$2"
  if [[ ! -f "$dir/.terraform.lock.hcl" ]]; then
    echo "::error::$stack has no provider lock file: the repository has no .terraform.lock.hcl, or it does not pin the providers the stacks require (npm run synth says which); $refresh" >&2
    exit 1
  fi
  terraform -chdir="$dir" init -input=false -no-color -lockfile=readonly
}

# Prints "<lineage>|<serial>" of a state document on stdin ("|0" for none: no state yet).
state_meta() { jq -r '"\(.lineage // "")|\(.serial // 0)"' | grep . || echo "|0"; }

if [[ "$mode" == apply ]]; then
  [[ "$out" != /* ]] || { echo "stacks.sh: CDKTF_OUTDIR must be relative for apply (the plan job's paths)" >&2; exit 2; }
  if [[ ! -f "$control/order" ]]; then
    echo "::error::no plan to apply: $control/order is missing (the plan job's artifact deploy-plan-$tenant, downloaded into the workspace)" >&2
    exit 1
  fi
  if ! sha256sum --quiet --strict -c "$control/SHA256SUMS"; then
    echo "::error::the plan bundle differs from what the plan job uploaded (checksums in $control/SHA256SUMS); nothing applied" >&2
    exit 1
  fi
  mapfile -t stacks <"$control/order"
  last=-1
  for stack in "${stacks[@]}"; do
    index=-1 i=0
    for area in $AREAS; do
      [[ "$stack" == "$tenant-$area" ]] && index=$i
      i=$((i + 1))
    done
    if ((index <= last)); then
      echo "::error::$control/order lists \"$stack\", not a stack of $tenant in deploy order after the previous one; nothing applied" >&2
      exit 1
    fi
    last=$index
  done
  for stack in "${stacks[@]}"; do
    echo "::group::init $stack"
    init "$stack" "$out/stacks/$stack"
    echo "::endgroup::"
  done
  # A saved plan applies only to the state it was made from (terraform compares the state's lineage
  # and serial with those recorded in the plan file): check every stack before applying any.
  for stack in "${stacks[@]}"; do
    dir="$out/stacks/$stack"
    IFS='|' read -r planned_lineage planned_serial < <(unzip -p "$dir/tfplan" tfstate | state_meta)
    IFS='|' read -r lineage serial < <(terraform -chdir="$dir" state pull | state_meta)
    if [[ "$planned_serial" != "$serial" || (-n "$planned_lineage" && "$planned_lineage" != "$lineage") ]]; then
      echo "::error::the saved plan of $stack is stale: its state changed after the plan job made the plan (another deploy, or an apply by hand). Nothing was applied. Run deploy again for $tenant (Actions → deploy → Run workflow, tenant $tenant) and approve the new plan." >&2
      exit 1
    fi
  done
  applied=()
  for stack in "${stacks[@]}"; do
    dir="$out/stacks/$stack"
    echo "::group::apply $stack"
    # The collaboration stack's apply runs Apply-TeamsPolicies.ps1 (local-exec): fresh Teams tokens.
    if [[ "$stack" == "$tenant-collaboration" && -z "${WERKPLEK_TEAMS_CERTIFICATE_PATH:-}" ]]; then
      # shellcheck source=teams-token.sh
      . "$here/teams-token.sh"
    fi
    err="$(mktemp)"
    if ! terraform -chdir="$dir" apply -input=false -no-color tfplan 2>"$err"; then
      cat "$err" >&2
      done_text="${applied[*]:-none}"
      if grep -q -e "Saved plan is stale" -e "Saved plan does not match the given state" "$err"; then
        echo "::error::the saved plan of $stack is stale: its state changed after the plan was made. $stack and the stacks after it were not applied (applied before it: $done_text). Run deploy again for $tenant and approve the new plan." >&2
      else
        echo "::error::terraform apply of $stack failed; the stacks after it were not applied (applied before it: $done_text)" >&2
      fi
      exit 1
    fi
    cat "$err" >&2
    applied+=("$stack")
    echo "::endgroup::"
  done
  exit 0
fi

mkdir -p "$plans"
if [[ "$mode" == deploy-plan ]]; then
  [[ "$out" != /* ]] || { echo "stacks.sh: CDKTF_OUTDIR must be relative for deploy-plan (the apply job restores the same paths)" >&2; exit 2; }
  rm -rf "$bundle" "$plans"/deploy-plan.*
fi

# The stacks to plan, in deploy order.
todo=()
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
  todo+=("$stack")
done

for i in "${!todo[@]}"; do
  stack="${todo[$i]}"
  dir="$out/stacks/$stack"
  if [[ "$mode" == deploy-plan && -f "$plans/deploy-plan.waiting" ]] && grep -qx "$stack" "$plans/deploy-plan.waiting"; then
    echo "::notice::$(grep -m1 "^$stack is not planned" "$plans/deploy-plan.notes")"
    continue
  fi
  echo "::group::$mode $stack"
  init "$stack" "$dir"
  case "$mode" in
    plan | deploy-plan) terraform -chdir="$dir" plan -input=false -no-color -lock=false -out=tfplan ;;
    drift) terraform -chdir="$dir" plan -input=false -no-color -lock=false -refresh-only -out=tfplan ;;
  esac
  terraform -chdir="$dir" show -json tfplan >"$plans/$stack.json"
  if [[ "$mode" == deploy-plan ]]; then
    later=()
    for s in "${todo[@]:$((i + 1))}"; do later+=("$out/stacks/$s"); done
    echo "$stack: $(deploy_plan record "$plans" "$stack" "$plans/$stack.json" "${later[@]}")"
  fi
  echo "::endgroup::"
done

if [[ "$mode" == deploy-plan ]]; then
  order=()
  if [[ -f "$plans/deploy-plan.order" ]]; then mapfile -t order <"$plans/deploy-plan.order"; fi
  if ((${#order[@]} == 0)); then
    echo "::notice::$tenant: no stack has changes; nothing to apply"
    exit 0
  fi
  mkdir -p "$bundle/$control"
  for stack in "${order[@]}"; do
    from="$out/stacks/$stack"
    to="$bundle/$out/stacks/$stack"
    mkdir -p "$to"
    cp "$from/cdk.tf.json" "$from/.terraform.lock.hcl" "$from/tfplan" "$to/"
    if [[ -d "$from/assets" ]]; then cp -R "$from/assets" "$to/"; fi
  done
  cp "$plans/deploy-plan.order" "$bundle/$control/order"
  cp "$plans/deploy-plan.notes" "$bundle/$control/waiting"
  sums="$(mktemp)"
  (cd "$bundle" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$sums"
  mv "$sums" "$bundle/$control/SHA256SUMS"
  echo "$tenant: plan bundle $bundle with ${#order[@]} stack(s) to apply: ${order[*]}"
fi
