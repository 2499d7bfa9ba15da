/**
 * `state:` in the tenant file — where every stack but `<tenant>-state` keeps its Terraform state.
 * The `<tenant>-state` stack creates this storage account; absent, it creates one with the CAF
 * default names (`rg-<tenant>-state`, `st<tenant>tfstate`) and the other stacks stay on local
 * state until the names are written here (see docs/state.md).
 */
import { z } from "zod";
import { noHostBits, storageIpRuleProblem } from "../../constructs/ip-ranges";

export const StateSchema = z
  .strictObject({
    resourceGroupName: z.string().regex(/^rg-[a-z0-9-]+$/, { error: "must be a CAF name like rg-werkplek-state" }),
    storageAccountName: z
      .string()
      .regex(/^st[a-z0-9]{1,22}$/, { error: "must be 3-24 lowercase letters and digits, starting with st" }),
    containerName: z.string().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/).default("tfstate"),
    allowedIpRanges: z
      .array(
        z
          .union([z.ipv4(), z.cidrv4()], { error: "must be a public IPv4 address like 198.51.100.7 or a range in CIDR notation like 198.51.100.0/24" })
          .superRefine((range, ctx) => {
            const problem = storageIpRuleProblem(range);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
            else noHostBits(range, ctx);
          }),
      )
      .default([])
      .describe(
        "public IPv4 addresses (198.51.100.7) and ranges (198.51.100.0/24, /30 or wider) allowed through the storage firewall, besides the tenant's trustedIpRanges; the storage firewall takes no /31, /32 or private (RFC 1918) range",
      ),
    softDeleteRetentionDays: z.number().int().min(7).max(365).default(30).describe("days deleted state blobs and containers can be restored"),
  })
  .describe("remote state backend (azurerm, OIDC); absent means local state");

export type StateSettings = z.output<typeof StateSchema>;
