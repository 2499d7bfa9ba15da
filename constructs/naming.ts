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
