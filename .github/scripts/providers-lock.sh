#!/usr/bin/env bash
# Writes .terraform.lock.hcl (repository root) for the providers the synthesized stacks require,
# with checksums for linux_amd64 (CI), windows_amd64 and darwin_arm64 (workstations), using
# `terraform providers lock` in an empty folder: the registry's checksums, nothing by hand.
# Every stack must require the same providers (they share one lock file); the script stops if not.
#
# Usage: providers-lock.sh   (after npm run synth)   Env: CDKTF_OUTDIR (default cdktf.out)
set -euo pipefail

out="${CDKTF_OUTDIR:-cdktf.out}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One configuration with only the required providers, taken from the synthesized stacks.
node -e '
  const fs = require("fs"), path = require("path");
  const dir = path.join(process.argv[1], "stacks");
  const found = new Map();
  for (const s of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const file = path.join(dir, s, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    const rp = JSON.stringify(JSON.parse(fs.readFileSync(file, "utf8")).terraform?.required_providers ?? {});
    found.set(rp, [...(found.get(rp) ?? []), s]);
  }
  if (found.size === 0) { console.error(`providers-lock.sh: no synthesized stack under ${dir}; run npm run synth first`); process.exit(2); }
  if (found.size > 1) { console.error(`providers-lock.sh: the stacks require different providers, one lock file cannot serve them: ${[...found.entries()].map(([rp, s]) => `${s.join(", ")}: ${rp}`).join("; ")}`); process.exit(1); }
  fs.writeFileSync(process.argv[2], JSON.stringify({ terraform: { required_providers: JSON.parse([...found.keys()][0]) } }, null, 2) + "\n");
' "$out" "$work/providers.tf.json"

terraform -chdir="$work" providers lock -platform=linux_amd64 -platform=windows_amd64 -platform=darwin_arm64
cp "$work/.terraform.lock.hcl" .terraform.lock.hcl
echo "providers-lock.sh: wrote .terraform.lock.hcl for $(node -e 'console.log(Object.entries(require(process.argv[1]).terraform.required_providers).map(([n, p]) => `${p.source} ${p.version}`).join(", "))' "$work/providers.tf.json")"
