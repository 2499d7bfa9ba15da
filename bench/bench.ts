/**
 * `npm run bench`: median wall time of the app run (what `npm run synth` runs) and of
 * `cdktf synth`, and peak memory of the app run, for the example tenant, for 20 generated
 * tenants, and for one of those 20 selected with WERKPLEK_TENANT (what a CI job runs). Budget on a
 * 2-core machine: app run ≤ 2 s and ≤ 400 MB for one tenant; 20 tenants ≤ 4× one tenant; one of
 * 20 selected ≤ 1.5× one tenant alone (every file is still loaded and validated).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generatedNames, generateTenants } from "./tenants";

const ROOT = path.join(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Sample {
  ms: number;
  rssMB?: number;
}

function run(cmd: string, args: string[], env: Record<string, string>): Sample {
  const rssFile = path.join(os.tmpdir(), `werkplek-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env, WERKPLEK_BENCH_RSS_FILE: rssFile, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  let rssMB: number | undefined;
  if (fs.existsSync(rssFile)) {
    rssMB = Number(fs.readFileSync(rssFile, "utf8")) / 1024;
    fs.rmSync(rssFile);
  }
  return { ms, rssMB };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label: string, cmd: string, args: string[], env: Record<string, string>) {
  run(cmd, args, env); // warm the file cache
  const samples = Array.from({ length: RUNS }, () => run(cmd, args, env));
  const ms = median(samples.map((s) => s.ms));
  const rss = samples.every((s) => s.rssMB !== undefined) ? Math.max(...samples.map((s) => s.rssMB!)) : undefined;
  process.stdout.write(`${label.padEnd(38)} median ${(ms / 1000).toFixed(2)} s${rss ? `   peak ${rss.toFixed(0)} MB` : ""}\n`);
  return { ms, rss };
}

function main() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-bench-out-"));
  const many = generateTenants(20);
  const app = [process.execPath, ["-r", "./bench/rss.js", "-r", "./bin/register.js", "main.ts"]] as const;
  const cdktf = [process.execPath, [path.join(ROOT, "node_modules/cdktf-cli/bundle/bin/cdktf"), "synth", "--output", out]] as const;
  process.stdout.write(`werkplek bench: ${os.cpus().length} cores, node ${process.version}, ${RUNS} runs each (median)\n`);
  const one = measure("app run, 1 tenant", app[0], [...app[1]], { CDKTF_OUTDIR: out });
  const twenty = measure("app run, 20 tenants", app[0], [...app[1]], { CDKTF_OUTDIR: out, WERKPLEK_TENANTS_DIR: many });
  const selected = measure("app run, 1 of 20 (WERKPLEK_TENANT)", app[0], [...app[1]], { CDKTF_OUTDIR: out, WERKPLEK_TENANTS_DIR: many, WERKPLEK_TENANT: generatedNames(20)[6] });
  measure("cdktf synth, 1 tenant", cdktf[0], [...cdktf[1]], {});
  measure("cdktf synth, 20 tenants", cdktf[0], [...cdktf[1]], { WERKPLEK_TENANTS_DIR: many });
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(many, { recursive: true, force: true });

  const checks = [
    [`app run, 1 tenant ≤ 2 s`, one.ms <= 2000],
    [`app run, 1 tenant ≤ 400 MB`, (one.rss ?? 0) <= 400],
    [`20 tenants ≤ 4× 1 tenant (${(twenty.ms / one.ms).toFixed(1)}×)`, twenty.ms <= 4 * one.ms],
    [`1 of 20 selected ≤ 1.5× 1 tenant alone (${(selected.ms / one.ms).toFixed(2)}×)`, selected.ms <= 1.5 * one.ms],
  ] as const;
  for (const [what, ok] of checks) process.stdout.write(`${ok ? "ok  " : "FAIL"} ${what}\n`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

main();
