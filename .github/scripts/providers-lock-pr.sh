#!/usr/bin/env bash
# Opens a pull request with the refreshed .terraform.lock.hcl, or updates the one that is open,
# when the file changed; nothing when it did not. The branch is werkplek/providers-lock.
#
# Usage: providers-lock-pr.sh
# Env: GH_TOKEN (contents: write, pull-requests: write), BASE (the base branch, default main),
# REMOTE (default origin)
set -euo pipefail

branch="werkplek/providers-lock"
base="${BASE:-main}"
remote="${REMOTE:-origin}"
if [[ -z "$(git status --porcelain -- .terraform.lock.hcl)" ]]; then
  echo "providers-lock: .terraform.lock.hcl is unchanged; no pull request"
  exit 0
fi

gh auth setup-git # git pushes with GH_TOKEN; the checkout kept no credentials
git checkout -B "$branch"
git add .terraform.lock.hcl
git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit -m "Refresh the provider lock file (terraform providers lock: linux_amd64, windows_amd64, darwin_arm64)"
git push --force "$remote" "HEAD:refs/heads/$branch"

body="$(mktemp)"
cat >"$body" <<TEXT
The providers-lock workflow ran \`terraform providers lock -platform=linux_amd64 -platform=windows_amd64 -platform=darwin_arm64\`
for the providers the synthesized stacks require (facts/providers.ts) and the lock file changed.

- Check that every \`provider\` block has the version in facts/providers.ts; \`npm test\` checks it too.
- The checksums come from the registry, as \`terraform init\` would record them; nothing was written by hand.
- A pull request opened by the workflow's token starts no workflow: close and reopen it to run the \`pr\` checks.
TEXT
existing="$(gh pr list --head "$branch" --base "$base" --state open --json number --jq '.[0].number // empty')"
if [[ -n "$existing" ]]; then
  echo "providers-lock: updated pull request #$existing"
else
  gh pr create --base "$base" --head "$branch" --title "Refresh the provider lock file" --body-file "$body"
fi
