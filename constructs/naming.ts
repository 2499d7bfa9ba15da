/**
 * Names per the Azure Cloud Adoption Framework: `<abbreviation>-<tenant>-<workload>`, and for
 * resources that allow no dashes (storage accounts, `st`) the parts joined and cut to 24.
 */
export type CafAbbreviation =
  | "rg" | "vnet" | "snet" | "nsg" | "vm" | "agw" | "waf" | "kv" | "log" | "pip" | "ng" | "bas"
  | "rsv" | "dcr" | "id" | "nic" | "osdisk" | "ase" | "st";

export function cafName(abbreviation: Exclude<CafAbbreviation, "st">, tenant: string, workload: string): string {
  return `${abbreviation}-${tenant}-${workload}`;
}

/** Storage accounts: 3–24 lowercase letters and digits. */
export function storageAccountName(tenant: string, workload: string): string {
  return `st${tenant}${workload}`.replace(/[^a-z0-9]/g, "").slice(0, 24);
}

/** Key Vault names: 3–24 characters, letters, digits and dashes. */
export function keyVaultName(tenant: string, workload: string): string {
  return `kv-${tenant}-${workload}`.slice(0, 24).replace(/-+$/, "");
}

/**
 * Why Azure would refuse a Key Vault name, or undefined when it takes it: 3–24 letters, digits and
 * dashes, starting with a letter, ending with a letter or digit, no "--" (the azurerm provider's
 * check: hashicorp/terraform-provider-azurerm, internal/services/keyvault/validate/vault_name.go).
 * Names are global across Azure, and a deleted vault keeps its name while it is soft-deleted.
 */
export function keyVaultNameProblem(name: string): string | undefined {
  if (!/^[a-zA-Z0-9-]{3,24}$/.test(name)) return "a Key Vault name is 3-24 letters, digits and dashes";
  if (!/^[a-zA-Z].*[a-zA-Z0-9]$/.test(name)) return "a Key Vault name starts with a letter and ends with a letter or digit";
  if (name.includes("--")) return 'a Key Vault name cannot contain "--"';
  return undefined;
}
