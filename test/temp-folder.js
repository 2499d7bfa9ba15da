/**
 * One temporary folder per `jest` run, removed at the end: every test process gets it as TMPDIR,
 * so nothing is left in the system's temp folder, not even the `cdktf.outdir.*` folders cdktf's
 * `Testing.app()` makes and never removes. (jest's globalSetup and globalTeardown.)
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const VARIABLE = "WERKPLEK_TEST_TMPDIR";

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-jest-"));
  process.env[VARIABLE] = dir;
  // os.tmpdir() reads TMPDIR (TMP, TEMP on Windows) at every call; workers inherit the variables
  process.env.TMPDIR = dir;
  process.env.TMP = dir;
  process.env.TEMP = dir;
}

async function teardown() {
  const dir = process.env[VARIABLE];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { setup, teardown };
