/**
 * Synthesizes a git ref (the base branch of a pull request) in a temporary detached worktree,
 * with this checkout's node_modules linked in, and removes the worktree afterwards.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../command";

export interface SynthesizedRef {
  /** The cdktf output folder of the ref (inside `dir`). */
  readonly outdir: string;
  /** Removes the temporary worktree and output. */
  cleanup(): void;
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** The commit a ref names, or undefined when it is not a ref of the repository at `cwd`. */
export function resolveRef(cwd: string, ref: string): string | undefined {
  if (ref.startsWith("-")) return undefined;
  try {
    return git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
}

/**
 * Checks out `ref` into a temporary worktree and runs its app (`node -r ./bin/register.js main.ts`,
 * as `npm run synth` does) with `CDKTF_OUTDIR` pointing into the temporary folder. Exit 0, or exit 1
 * (guardrail errors) when `<outdir>/stacks` was written, is a usable base; anything else is an error.
 */
export function synthesizeRef(ref: string, cwd: string = process.cwd()): SynthesizedRef {
  const commit = resolveRef(cwd, ref);
  if (!commit) throw new UsageError(`diff: --base ${ref}: neither a folder nor a git ref of ${cwd}`);
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-base-"));
  const tree = path.join(tmp, "tree");
  const outdir = path.join(tmp, "cdktf.out");
  git(top, ["worktree", "add", "--detach", "--quiet", tree, commit]);
  const cleanup = () => {
    try {
      git(top, ["worktree", "remove", "--force", tree]);
    } catch {
      // already gone; prune below drops the stale entry
    }
    spawnSync("git", ["worktree", "prune"], { cwd: top, stdio: "ignore" });
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const modules = path.join(top, "node_modules");
    if (fs.existsSync(modules)) fs.symlinkSync(modules, path.join(tree, "node_modules"), "dir");
    const run = spawnSync(process.execPath, ["-r", "./bin/register.js", "main.ts"], {
      cwd: tree,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Exit 1 is the synth's "guardrail errors": the output is complete, only the checks failed. A
    // pull request that fixes such an error on the base branch must still get its diff.
    const guardrailErrorsOnly = run.status === 1 && fs.existsSync(path.join(outdir, "stacks"));
    if (run.status !== 0 && !guardrailErrorsOnly) {
      const why = (run.stderr || run.stdout || run.error?.message || "").trim().split("\n").slice(-8).join("\n");
      throw new UsageError(`diff: --base ${ref}: synthesizing ${commit.slice(0, 12)} failed (exit ${run.status}):\n${why}`);
    }
    return { outdir, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
