/**
 * The committed provider lock file (`.terraform.lock.hcl` at the repository root): the checksums
 * `terraform init` verifies every provider package against. Synthesis copies it into every stack
 * folder it writes, so `terraform init -lockfile=readonly` (CI) installs exactly the pinned
 * providers or stops. The file is made by the providers-lock workflow (`terraform providers lock`
 * for LOCK_PLATFORMS); checksums are never written by hand (docs/ci-and-deploy.md#provider-lock-file).
 *
 * Lock file format: terraform's internal/depsfile (`provider "<address>" { version, constraints,
 * hashes = [...] }`, hashes prefixed `h1:` (package contents, one per locked platform) or `zh:`
 * (the registry's zip checksums)).
 */
import * as fs from "fs";
import * as path from "path";
import { LOCK_PLATFORMS, PROVIDERS, registryAddress } from "../facts/providers";

export const LOCK_FILE_NAME = ".terraform.lock.hcl";
/** The committed lock file. */
export const PROVIDER_LOCK_FILE = path.join(__dirname, "..", LOCK_FILE_NAME);

export interface LockedProvider {
  /** `registry.terraform.io/<namespace>/<name>` */
  readonly address: string;
  readonly version?: string;
  readonly hashes: readonly string[];
}

/** The provider blocks of a lock file. */
export function parseLockFile(text: string): LockedProvider[] {
  const out: LockedProvider[] = [];
  for (const m of text.matchAll(/^provider\s+"([^"]+)"\s*\{([\s\S]*?)^\}/gm)) {
    const body = m[2];
    out.push({
      address: m[1],
      version: /^\s*version\s*=\s*"([^"]*)"/m.exec(body)?.[1],
      hashes: [...body.matchAll(/"((?:h1|zh):[^"]+)"/g)].map((h) => h[1]),
    });
  }
  return out;
}

/**
 * What keeps a lock file from pinning exactly the providers the stacks require: a provider
 * missing or at another version, one the stacks do not use, no checksums, or fewer `h1:` checksums
 * than locked platforms (a lock file made by `terraform init` on one machine).
 */
export function lockFileProblems(text: string, providers: Record<string, { source: string; version: string }> = PROVIDERS): string[] {
  const locked = parseLockFile(text);
  const problems: string[] = [];
  const wanted = Object.values(providers).map((p) => ({ address: registryAddress(p.source), version: p.version }));
  for (const w of wanted) {
    const l = locked.find((x) => x.address === w.address);
    if (!l) {
      problems.push(`${w.address} ${w.version} is not in it`);
      continue;
    }
    if (l.version !== w.version) problems.push(`${w.address} is locked at ${l.version ?? "no version"}, the stacks require ${w.version}`);
    const h1 = l.hashes.filter((h) => h.startsWith("h1:")).length;
    if (!l.hashes.some((h) => h.startsWith("zh:"))) problems.push(`${w.address} has no zh: checksums (the registry's)`);
    if (h1 < LOCK_PLATFORMS.length) problems.push(`${w.address} has ${h1} h1: checksum(s), fewer than the ${LOCK_PLATFORMS.length} platforms ${LOCK_PLATFORMS.join(", ")}`);
  }
  for (const l of locked) {
    if (!wanted.some((w) => w.address === l.address)) problems.push(`${l.address} is locked but no stack requires it`);
  }
  return problems;
}

export type LockPlacement =
  | { readonly status: "copied"; readonly stacks: number }
  | { readonly status: "missing" }
  | { readonly status: "stale"; readonly problems: readonly string[] };

/**
 * Copies the lock file into each named stack folder under `<outdir>/stacks/`. Nothing is copied
 * when the file is missing or does not pin exactly the required providers: CI then stops before
 * `terraform init` and says to refresh it (a stale copy would stop `init -lockfile=readonly` with a
 * less helpful message). A copy left from an earlier synthesis is removed in those cases.
 */
export function placeLockFile(outdir: string, stacks: readonly string[], lockFile: string = PROVIDER_LOCK_FILE): LockPlacement {
  const targets = stacks.map((s) => path.join(outdir, "stacks", s, LOCK_FILE_NAME));
  const clear = () => targets.forEach((t) => fs.rmSync(t, { force: true }));
  if (!fs.existsSync(lockFile)) {
    clear();
    return { status: "missing" };
  }
  const text = fs.readFileSync(lockFile, "utf8");
  const problems = lockFileProblems(text);
  if (problems.length > 0) {
    clear();
    return { status: "stale", problems };
  }
  for (const t of targets) fs.writeFileSync(t, text);
  return { status: "copied", stacks: targets.length };
}

/** One line (or a few) for the synth output about the lock file. */
export function describePlacement(p: LockPlacement): string {
  const refresh = "run the providers-lock workflow (Actions → providers-lock → Run workflow) and merge its pull request; docs/ci-and-deploy.md#provider-lock-file";
  switch (p.status) {
    case "copied":
      return `werkplek: provider lock file ${LOCK_FILE_NAME} copied into ${p.stacks} stack folder(s)\n`;
    case "missing":
      return `werkplek: no provider lock file (${LOCK_FILE_NAME}) in the repository: CI stops before terraform init until there is one; ${refresh}\n`;
    case "stale":
      return `werkplek: warning: ${LOCK_FILE_NAME} does not pin the providers the stacks require, so it was not copied:\n${p.problems.map((x) => `  - ${x}\n`).join("")}  ${refresh}\n`;
  }
}
