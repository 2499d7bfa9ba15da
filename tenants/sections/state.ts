/**
 * `state:` in the tenant file — where every stack but `<tenant>-state` keeps its Terraform state.
 * The `<tenant>-state` stack creates this storage account; absent, it creates one with the CAF
 * default names (`rg-<tenant>-state`, `st<tenant>tfstate`) and the other stacks stay on local
 * state until the names are written here (see README "State backend").
 */
import { z } from "zod";

export const StateSchema = z
  .strictObject({
    resourceGroupName: z.string().regex(/^rg-[a-z0-9-]+$/, { error: "must be a CAF name like rg-werkplek-state" }),
    storageAccountName: z
      .string()
      .regex(/^st[a-z0-9]{1,22}$/, { error: "must be 3-24 lowercase letters and digits, starting with st" }),
    containerName: z.string().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/).default("tfstate"),
    allowedIpRanges: z
      .array(z.cidrv4({ error: "must be an IPv4 range in CIDR notation like 198.51.100.0/24" }))
      .default([])
      .describe(
        "public IP ranges (CI runner egress, admins) allowed through the storage firewall, besides the tenant's trustedIpRanges",
      ),
    softDeleteRetentionDays: z.number().int().min(7).max(365).default(30).describe("days deleted state blobs and containers can be restored"),
  })
  .describe("remote state backend (azurerm, OIDC); absent means local state");

export type StateSettings = z.output<typeof StateSchema>;
