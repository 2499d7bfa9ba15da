// Preloaded by the benchmark: reports the process's peak resident memory when it exits.
process.on("exit", () => {
  if (process.env.WERKPLEK_BENCH_RSS_FILE) {
    require("fs").writeFileSync(process.env.WERKPLEK_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
  }
});
