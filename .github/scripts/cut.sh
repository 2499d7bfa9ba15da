#!/usr/bin/env bash
# Prints a text file cut to at most <max> characters (characters, not bytes: never in the middle
# of a UTF-8 character), ending in a visible "✂️ cut" note when something was left out.
#
# Usage: cut.sh <max characters> <file>
set -euo pipefail
export LC_ALL=C.UTF-8 # ${#x} and ${x:0:n} count characters

max="${1:?usage: cut.sh <max characters> <file>}"
file="${2:?usage: cut.sh <max characters> <file>}"
[[ "$max" =~ ^[0-9]+$ ]] || { echo "cut.sh: <max characters> \"$max\" must be a whole number" >&2; exit 2; }
text="$(cat "$file")"
if ((${#text} <= max)); then
  printf '%s\n' "$text"
  exit 0
fi
note=$'\n\n> ✂️ cut: '"$(basename "$file") is ${#text} characters; only the first part is shown here (the workflow run's artifacts and log have all of it)."
keep=$((max - ${#note} - 1))
((keep > 0)) || keep=0
printf '%s%s\n' "${text:0:keep}" "$note"
