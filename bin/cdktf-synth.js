#!/usr/bin/env node
// `npm run synth:cdktf`: `cdktf synth` without its usage report to checkpoint-api.hashicorp.com,
// which prints an error on every run without internet (getaddrinfo ENOTFOUND). cdktf-cli skips
// the report when CHECKPOINT_DISABLE is set (as the CI workflows set it). A wrapper, not an env
// prefix in package.json, so the script also runs from cmd.exe on Windows.
const { spawnSync } = require("child_process");
const path = require("path");

const cli = path.join(path.dirname(require.resolve("cdktf-cli/package.json")), "bundle", "bin", "cdktf");
const run = spawnSync(process.execPath, [cli, "synth", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE || "1" },
});
if (run.error) {
  process.stderr.write(`synth:cdktf: cannot run cdktf: ${run.error.message}\n`);
  process.exitCode = 70;
} else {
  process.exitCode = run.status ?? 70;
}
