/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>"],
  testMatch: ["**/test/**/*.spec.ts", "**/*.spec.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/cdktf.out/"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.js"],
  // one temporary folder per run as TMPDIR, removed afterwards: no test leaves anything behind
  globalSetup: "<rootDir>/test/global-setup.js",
  globalTeardown: "<rootDir>/test/global-teardown.js",
  // synthesis is CPU-bound; two workers match the CI machine
  maxWorkers: 2,
};
