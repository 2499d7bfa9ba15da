/**
 * `defenderForCloud:` in the tenant file — the Microsoft Defender for Cloud plans of the tenant's
 * subscription (stack `<tenant>-identity`, which holds the tenant-wide monitoring). A plan is
 * subscription-wide and billed per protected resource: docs/remote-access.md#defender-for-cloud.
 */
import { z } from "zod";

export const DefenderSchema = z
  .strictObject({
    servers: z
      .enum(["P1", "P2", "off"])
      .default("P1")
      .describe(
        "Defender for Servers: P1 (Defender for Endpoint on the VMs), P2 (adds vulnerability assessment, file integrity monitoring, just-in-time access) or off. Check with the appliance vendor that an endpoint agent on the Awingu VM is supported",
      ),
    keyVaults: z.boolean().default(true).describe("Defender for Key Vault (per-vault plan): alerts on unusual access to the Key Vault"),
    storageAccounts: z
      .boolean()
      .default(true)
      .describe("Defender for Storage (per-storage-account plan, without malware scanning and sensitive data discovery): alerts on unusual access to the state storage account"),
  })
  .describe("Microsoft Defender for Cloud plans of the subscription (each costs per protected resource and month)");

export type DefenderSettings = z.output<typeof DefenderSchema>;
