/**
 * Provider pinning: the versions in facts/providers.ts are the ones the bindings were generated
 * for, and the lock file logic (stacks/provider-lock.ts) copies only a lock file that pins exactly
 * those. The hashes below are test placeholders in the lock file format, not real checksums.
 */
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AzureadProvider } from "@cdktf/provider-azuread/lib/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { MSGRAPH_PROVIDER_SOURCE, MSGRAPH_VERSION_CONSTRAINT } from "../constructs/msgraph/base";
import { LOCK_PLATFORMS, PROVIDERS } from "../facts/providers";
import { describePlacement, lockFileProblems, parseLockFile, placeLockFile, PROVIDER_LOCK_FILE } from "../stacks/provider-lock";
import { tempDir } from "./helpers";

/** A lock file in terraform's format with placeholder checksums (not real ones). */
function lockText(versions: Partial<Record<keyof typeof PROVIDERS, string>> = {}, h1PerProvider: number = LOCK_PLATFORMS.length, extra = ""): string {
  const blocks = Object.entries(PROVIDERS).map(([name, p]) => {
    const version = versions[name as keyof typeof PROVIDERS] ?? p.version;
    const hashes = [...Array.from({ length: h1PerProvider }, (_, i) => `h1:TEST-PLACEHOLDER-${name}-${i}=`), `zh:0000test${name}`];
    return `provider "registry.terraform.io/${p.source}" {\n  version     = "${version}"\n  constraints = "${version}"\n  hashes = [\n${hashes.map((h) => `    "${h}",`).join("\n")}\n  ]\n}\n`;
  });
  return `# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n\n${blocks.join("\n")}${extra}`;
}

describe("pinned providers", () => {
  test("azurerm and azuread: the versions the prebuilt bindings wrap; msgraph: the version the bindings are written for", () => {
    const stack = new TerraformStack(new App({ outdir: tempDir() }), "s");
    expect(new AzurermProvider(stack, "azurerm", { features: [{}] }).terraformGeneratorMetadata?.providerVersion).toBe(PROVIDERS.azurerm.version);
    expect(new AzureadProvider(stack, "azuread", {}).terraformGeneratorMetadata?.providerVersion).toBe(PROVIDERS.azuread.version);
    expect(MSGRAPH_VERSION_CONSTRAINT).toBe(PROVIDERS.msgraph.version);
    expect(MSGRAPH_PROVIDER_SOURCE).toBe(PROVIDERS.msgraph.source);
    for (const p of Object.values(PROVIDERS)) {
      expect(p.source).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  test("the repository's lock file, once committed, pins exactly these (the providers-lock workflow makes it)", () => {
    // Absent until a maintainer runs the workflow once (docs/ci-and-deploy.md#provider-lock-file);
    // then this checks every later change to it.
    const text = fs.existsSync(PROVIDER_LOCK_FILE) ? fs.readFileSync(PROVIDER_LOCK_FILE, "utf8") : undefined;
    expect(text === undefined ? [] : lockFileProblems(text)).toEqual([]);
  });
});

describe("lock file checks", () => {
  test("parses terraform's format", () => {
    expect(parseLockFile(lockText())).toEqual(
      Object.values(PROVIDERS).map((p) => ({ address: `registry.terraform.io/${p.source}`, version: p.version, hashes: expect.arrayContaining([expect.stringMatching(/^h1:/), expect.stringMatching(/^zh:/)]) })),
    );
  });

  test("a lock file for the pinned providers and all three platforms has no problems", () => {
    expect(lockFileProblems(lockText())).toEqual([]);
  });

  test.each([
    ["another azurerm version", lockText({ azurerm: "4.56.0" }), /registry\.terraform\.io\/hashicorp\/azurerm is locked at 4\.56\.0, the stacks require 4\.55\.0/],
    ["made by terraform init on one machine", lockText({}, 1), /has 1 h1: checksum\(s\), fewer than the 3 platforms linux_amd64, windows_amd64, darwin_arm64/],
    ["a provider missing", lockText().replace(/provider "registry\.terraform\.io\/microsoft\/msgraph"[\s\S]*?\n\}\n/, ""), /microsoft\/msgraph 0\.5\.0 is not in it/],
    ["a provider no stack uses", lockText({}, 3, '\nprovider "registry.terraform.io/hashicorp/random" {\n  version = "3.6.0"\n}\n'), /hashicorp\/random is locked but no stack requires it/],
  ])("%s is a problem", (_what, text, message) => {
    expect(lockFileProblems(text).join("\n")).toMatch(message);
  });
});

describe("synth places the lock file in every stack folder it writes", () => {
  let dir: string;
  const stacks = ["t-identity", "t-devices"];
  beforeEach(() => {
    dir = tempDir("werkplek-lock-");
    for (const s of stacks) fs.mkdirSync(path.join(dir, "out", "stacks", s), { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const copies = () => stacks.map((s) => fs.existsSync(path.join(dir, "out", "stacks", s, ".terraform.lock.hcl")));

  test("present and matching: copied byte for byte", () => {
    fs.writeFileSync(path.join(dir, "lock.hcl"), lockText());
    const placed = placeLockFile(path.join(dir, "out"), stacks, path.join(dir, "lock.hcl"));
    expect(placed).toEqual({ status: "copied", stacks: 2 });
    expect(fs.readFileSync(path.join(dir, "out", "stacks", "t-devices", ".terraform.lock.hcl"), "utf8")).toBe(lockText());
    expect(describePlacement(placed)).toBe("werkplek: provider lock file .terraform.lock.hcl copied into 2 stack folder(s)\n");
  });

  test("missing: nothing copied, an earlier copy removed, and the message says what a maintainer runs", () => {
    fs.writeFileSync(path.join(dir, "out", "stacks", "t-identity", ".terraform.lock.hcl"), "old");
    const placed = placeLockFile(path.join(dir, "out"), stacks, path.join(dir, "absent.hcl"));
    expect(placed).toEqual({ status: "missing" });
    expect(copies()).toEqual([false, false]);
    expect(describePlacement(placed)).toMatch(/no provider lock file \(\.terraform\.lock\.hcl\) .* run the providers-lock workflow \(Actions → providers-lock → Run workflow\)/);
  });

  test("stale (another version): not copied, the problems listed", () => {
    fs.writeFileSync(path.join(dir, "lock.hcl"), lockText({ azuread: "3.6.0" }));
    const placed = placeLockFile(path.join(dir, "out"), stacks, path.join(dir, "lock.hcl"));
    expect(placed.status).toBe("stale");
    expect(copies()).toEqual([false, false]);
    expect(describePlacement(placed)).toMatch(/warning: \.terraform\.lock\.hcl does not pin the providers the stacks require, so it was not copied:\n  - registry\.terraform\.io\/hashicorp\/azuread is locked at 3\.6\.0/);
  });
});
