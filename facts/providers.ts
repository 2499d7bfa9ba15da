/**
 * The Terraform providers every stack requires: the registry source written in full and one exact
 * version each, so `terraform init` installs exactly what the committed lock file
 * (`.terraform.lock.hcl`) records the checksums of. Raising a version is a reviewed change: bump the
 * package (or the msgraph bindings), then refresh the lock file with the providers-lock workflow
 * (docs/ci-and-deploy.md#provider-lock-file).
 *
 * test/providers.spec.ts checks these against what the bindings were generated for: the prebuilt
 * @cdktf/provider-azurerm 14.23.1 and @cdktf/provider-azuread 14.3.1 packages, and
 * MSGRAPH_VERSION_CONSTRAINT in constructs/msgraph/base.ts.
 */
export const PROVIDERS = {
  azurerm: { source: "hashicorp/azurerm", version: "4.55.0" },
  azuread: { source: "hashicorp/azuread", version: "3.7.0" },
  msgraph: { source: "microsoft/msgraph", version: "0.5.0" },
} as const;

export type ProviderName = keyof typeof PROVIDERS;

/** Where `terraform init` and the lock file address a provider: the public Terraform registry. */
export function registryAddress(source: string): string {
  return `registry.terraform.io/${source}`;
}

/** The platforms the lock file carries checksums for: CI runners, Windows and Apple-silicon workstations. */
export const LOCK_PLATFORMS = ["linux_amd64", "windows_amd64", "darwin_arm64"] as const;
