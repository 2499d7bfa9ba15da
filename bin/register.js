// Runs the TypeScript sources through ts-node with swc (transpile only): fast start-up, no type
// checking at run time. Type checking is `tsc --noEmit` in `npm test`.
require("ts-node").register({
  swc: true,
  transpileOnly: true,
  project: require("path").join(__dirname, "..", "tsconfig.json"),
});

// cdktf records a stack trace for every token it creates. With ts-node's source-map-support each
// of those maps every frame back to TypeScript, which made synth 1.5x slower and used 70 MB more
// (npm run bench). Crash traces then point into the transpiled code; WERKPLEK_SOURCE_MAPS=1
// keeps the mapping for debugging.
if (!process.env.WERKPLEK_SOURCE_MAPS) Error.prepareStackTrace = undefined;
