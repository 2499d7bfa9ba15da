// Runs the TypeScript sources through ts-node with swc (transpile only): fast start-up, no type
// checking at run time. Type checking is `tsc --noEmit` in `npm test`.
require("ts-node").register({
  swc: true,
  transpileOnly: true,
  project: require("path").join(__dirname, "..", "tsconfig.json"),
});
