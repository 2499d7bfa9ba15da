#!/usr/bin/env bash
# Creates or updates the one werkplek comment on a pull request (found by its marker line).
#
# Usage: sticky-comment.sh <pr number> <comment.md>
# Env: GH_TOKEN (pull-requests: write), GITHUB_REPOSITORY.
set -euo pipefail

pr="${1:?usage: sticky-comment.sh <pr number> <comment.md>}"
file="${2:?usage: sticky-comment.sh <pr number> <comment.md>}"
marker="<!-- werkplek-review -->"
# GitHub takes at most 65,536 characters; cut.sh cuts by characters, with a visible note.
body="$(printf '%s\n' "$marker"; "$(dirname "$0")/cut.sh" $((65000 - ${#marker} - 1)) "$file")"

id="$(gh api "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --paginate --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
if [[ -n "$id" ]]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -f body="$body" >/dev/null
  echo "updated comment $id"
else
  gh pr comment "$pr" --body "$body"
fi
