/**
 * `remoteAccess:` in the tenant file — the Awingu gateway VM and everything around it
 * (stack `<tenant>-remote-access`). Absent means the tenant has no Awingu gateway.
 */
import { z } from "zod";
import { noHostBits } from "../../constructs/ip-ranges";
import { overlapsPrivateIpv4 } from "../../constructs/ip-ranges";
import { keyVaultName, keyVaultNameProblem } from "../../constructs/naming";
import { sshPublicKeyProblem } from "../../constructs/ssh-public-key";

const IPV4 = z.ipv4({ error: "must be an IPv4 address like 10.0.0.4" });
const CIDR = z.cidrv4({ error: "must be an IPv4 range in CIDR notation like 10.20.0.0/24" }).superRefine(noHostBits);
const DNS_NAME = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

const MarketplaceImageSchema = z
  .strictObject({
    source: z.literal("marketplace"),
    publisher: z.string().min(1).describe("publisher of the image: the first part of the URN"),
    offer: z.string().min(1).describe("offer: the second part of the URN"),
    sku: z.string().min(1).describe("SKU: the third part of the URN; also the purchase plan name"),
    version: z
      .string()
      .regex(/^(latest|\d+\.\d+\.\d+)$/, { error: "must be latest or a version like 5.5.1" })
      .default("latest")
      .describe("image version; pin it (e.g. 5.5.1) so a rebuild gives the same appliance"),
    purchasePlan: z
      .boolean()
      .default(true)
      .describe("the image has a purchase plan (third-party images do): adds the plan block and the terms agreement"),
    acceptTerms: z
      .boolean()
      .default(true)
      .describe(
        "accept the Marketplace terms with azurerm_marketplace_agreement; set false when they were accepted by CLI (az vm image terms accept)",
      ),
  })
  .describe(
    "a Marketplace image. Look up the URN in the target subscription: az vm image list --publisher awingu --all -o table (also try --publisher parallels), then az vm image show --urn <publisher>:<offer>:<sku>:<version> shows whether a plan is required",
  );

const GalleryImageSchema = z
  .strictObject({
    source: z.literal("gallery"),
    galleryImageId: z
      .string()
      .regex(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+(\/versions\/[^/]+)?$/i, {
        error: "must be an Azure Compute Gallery image (version) id: /subscriptions/…/providers/Microsoft.Compute/galleries/<gallery>/images/<image>[/versions/<version>]",
      })
      .describe("image or image version in an Azure Compute Gallery, e.g. the vendor VHD uploaded by the partner"),
  })
  .describe("an image from an Azure Compute Gallery (no purchase plan)");

export const AwinguImageSchema = z.discriminatedUnion("source", [MarketplaceImageSchema, GalleryImageSchema], {
  error: 'image.source must be "marketplace" (publisher, offer, sku, version) or "gallery" (galleryImageId)',
});

const NetworkSchema = z
  .strictObject({
    addressSpace: CIDR.default("10.20.0.0/22").describe("address space of the Awingu virtual network; must not overlap the municipality's networks"),
    gatewaySubnet: CIDR.default("10.20.0.0/24").describe("subnet of the application gateway (a /24 lets it autoscale; at least /26)"),
    vmSubnet: CIDR.default("10.20.1.0/27").describe("subnet of the Awingu VM"),
    bastionSubnet: CIDR.default("10.20.1.64/26").describe("AzureBastionSubnet (at least /26)"),
  })
  .describe("the Awingu virtual network and its subnets");

export const RemoteAccessSchema = z
  .strictObject({
    hostname: z
      .string()
      .regex(DNS_NAME, { error: "must be a lowercase DNS name like werkplek.kraainem.be" })
      .describe("public host name of the Awingu workspace; the TLS certificate, the SAML identifier and reply URL use it"),
    concurrentUsers: z
      .number()
      .int()
      .min(1)
      .max(500, {
        error:
          "one Awingu appliance serves at most 500 concurrent users; above that Awingu needs a cluster of three appliances with an external database, which werkplek does not build",
      })
      .describe("peak concurrent users (RDP streams); picks the VM size (≤100, ≤250, ≤500) unless vmSize is set"),
    vmSize: z
      .string()
      .regex(/^Standard_[A-Za-z0-9_]+$/, { error: "must be an Azure VM size like Standard_D4s_v5" })
      .optional()
      .describe("explicit VM size; it must support Premium disks and encryption at host. Absent: chosen from concurrentUsers"),
    zone: z.enum(["1", "2", "3"]).default("1").describe("availability zone of the VM and the NAT gateway"),
    image: AwinguImageSchema.describe("the Awingu appliance image"),
    trustedLaunch: z
      .boolean()
      .default(true)
      .describe(
        "Trusted Launch (Secure Boot and vTPM; the backup policy is then Enhanced/V2). Needs a Gen2 image with Trusted Launch support: az vm image show --urn <urn> --query '{generation: hyperVGeneration, features: features}' must show V2. Set false for a Gen1 image or to keep a VM created without it (changing it replaces the VM)",
      ),
    adminUsername: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/, { error: "must be a Linux user name: lowercase letters, digits, _ and -, at most 32 characters" })
      .refine((u) => !["root", "admin", "administrator", "azureuser", "user", "test", "guest"].includes(u), {
        error: "this name is reserved or too easy to guess; choose another (e.g. awinguadmin)",
      })
      .default("awinguadmin")
      .describe("local admin user of the VM (SSH key only, no password)"),
    sshPublicKey: z
      .string()
      .superRefine((v, ctx) => {
        const problem = sshPublicKeyProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .describe("OpenSSH PUBLIC key of the admin (ssh-ed25519 or ssh-rsa ≥2048 bits); never a private key"),
    osDiskSizeGiB: z.number().int().min(80).max(4095).default(128).describe("Premium SSD OS disk size (Awingu needs at least 80 GB)"),
    network: NetworkSchema.default({
      addressSpace: "10.20.0.0/22",
      gatewaySubnet: "10.20.0.0/24",
      vmSubnet: "10.20.1.0/27",
      bastionSubnet: "10.20.1.64/26",
    }),
    domainControllers: z
      .array(IPV4)
      .min(1, { error: "at least one domain controller is required (LDAPS, Kerberos, DNS)" })
      .describe("domain controllers the VM may reach for LDAPS (636), Kerberos (88, 464) and DNS (53); reachable over VPN or peering"),
    allowPlainLdap: z.boolean().default(false).describe("also allow LDAP 389 to the domain controllers (prefer LDAPS 636 only)"),
    fileServers: z.array(IPV4).default([]).describe("file servers the VM may reach over SMB (445) for published drives"),
    rdsHosts: z
      .array(IPV4)
      .min(1, { error: "at least one RDS session host is required (RDP 3389)" })
      .describe("RDS session hosts / application servers the VM may reach over RDP (3389)"),
    ntpServers: z.array(IPV4).default([]).describe("NTP servers (UDP 123); empty means the domain controllers"),
    gateway: z
      .strictObject({
        minCapacity: z.number().int().min(0).max(125).default(1).describe("application gateway autoscale minimum instances"),
        maxCapacity: z.number().int().min(2).max(125).default(2).describe("application gateway autoscale maximum instances"),
        httpRedirectFromInternet: z
          .boolean()
          .default(false)
          .describe(
            "open TCP 80 from the internet so the HTTP→HTTPS redirect is reachable; off by default: only 443 is open to the internet",
          ),
        healthProbePath: z.string().regex(/^\/\S*$/, { error: "must be a path starting with /" }).default("/").describe("path of the HTTPS health probe on the VM"),
      })
      .default({ minCapacity: 1, maxCapacity: 2, httpRedirectFromInternet: false, healthProbePath: "/" })
      .describe("application gateway WAF_v2"),
    keyVault: z
      .strictObject({
        name: z
          .string()
          .superRefine((v, ctx) => {
            const problem = keyVaultNameProblem(v);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
          })
          .optional()
          .describe(
            "name of the Key Vault, unique across all of Azure; absent: kv-<tenant>-awingu cut to 24 characters. Set it when that name is taken elsewhere, still soft-deleted (a deleted vault keeps its name for 90 days), or the same as another tenant's after the cut. Changing it replaces the vault",
          ),
        certificateName: z
          .string()
          .regex(/^[A-Za-z0-9-]{1,127}$/, { error: "must be 1-127 letters, digits and dashes" })
          .default("awingu-tls")
          .describe("Key Vault certificate for the HTTPS listener; created self-signed, replace it by importing a new version with the same name"),
        ldapBindSecretName: z
          .string()
          .regex(/^[A-Za-z0-9-]{1,127}$/, { error: "must be 1-127 letters, digits and dashes" })
          .default("awingu-ldap-bind")
          .describe("Key Vault secret that holds the LDAP bind password; its value is set outside the code (az keyvault secret set)"),
        allowedIpRanges: z
          .array(CIDR.refine((c) => !overlapsPrivateIpv4(c), { error: "the Key Vault firewall takes public ranges only, not a private (RFC 1918) range" }))
          .default([])
          .describe("public IP ranges (admins, CI runner egress) allowed through the Key Vault firewall, besides the tenant's trustedIpRanges (private ones are left out)"),
      })
      .default({ certificateName: "awingu-tls", ldapBindSecretName: "awingu-ldap-bind", allowedIpRanges: [] }),
    bastion: z
      .strictObject({
        allowedSourceRanges: z
          .array(CIDR.refine((c) => Number(c.split("/")[1]) >= 16, { error: "too broad: admin source ranges must be /16 or narrower" }))
          .default([])
          .describe("public IP ranges admins may reach Azure Bastion from (443); empty means the tenant's trustedIpRanges"),
      })
      .default({ allowedSourceRanges: [] })
      .describe("Azure Bastion (Standard, native-client tunnelling) for SSH and the Awingu installer"),
    backup: z
      .strictObject({
        time: z.string().regex(/^([01]\d|2[0-3]):(00|30)$/, { error: "must be a time on the hour or half hour like 23:00" }).default("23:00"),
        dailyRetentionDays: z.number().int().min(7).max(9999).default(30).describe("days a daily restore point is kept"),
        weeklyRetentionWeeks: z.number().int().min(0).max(5163).default(12).describe("weeks the Sunday restore point is kept; 0 = none"),
        immutability: z
          .enum(["Unlocked", "Locked"])
          .default("Unlocked")
          .describe(
            "immutable vault: restore points cannot be deleted early nor retention shortened. Unlocked can still be switched off; Locked never can (irreversible, also for the vault's owner)",
          ),
      })
      .default({ time: "23:00", dailyRetentionDays: 30, weeklyRetentionWeeks: 12, immutability: "Unlocked" })
      .describe("Azure Backup of the VM (times in Romance Standard Time)"),
    saml: z
      .strictObject({
        usersGroup: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "must be a group key ([a-z0-9-]+)" })
          .default("awingu-gebruikers")
          .describe("key of the group (under groups) whose members may use Awingu; assigned to the enterprise application"),
        identifierPath: z.string().regex(/^(\/\S*)?$/, { error: "must be empty or a path starting with /" }).default("")
          .describe("path after https://<hostname> of the SAML identifier (entity id); VERIFY against the Awingu domain's SAML settings"),
        replyPath: z.string().regex(/^\/\S*$/, { error: "must be a path starting with /" }).default("/")
          .describe("path after https://<hostname> of the SAML reply URL (assertion consumer service); VERIFY against the Awingu domain's SAML settings"),
      })
      .default({ usersGroup: "awingu-gebruikers", identifierPath: "", replyPath: "/" })
      .describe("the Awingu SAML enterprise application in Entra ID"),
  })
  .superRefine((ra, ctx) => networkProblems(ra.network, ctx))
  .describe("the Awingu remote-work gateway (stack <tenant>-remote-access); absent means none");

export type RemoteAccess = z.output<typeof RemoteAccessSchema>;
export type AwinguImage = z.output<typeof AwinguImageSchema>;

/** Subnets must lie inside the address space, not overlap, and be big enough for their service. */
function networkProblems(n: z.output<typeof NetworkSchema>, ctx: z.core.$RefinementCtx): void {
  const minimum: Record<string, number> = { gatewaySubnet: 26, vmSubnet: 29, bastionSubnet: 26 };
  const subnets = Object.keys(minimum) as (keyof typeof minimum & keyof typeof n)[];
  for (const s of subnets) {
    if (!within(n[s], n.addressSpace)) {
      ctx.addIssue({ code: "custom", path: ["network", s], message: `${n[s]} is not inside addressSpace ${n.addressSpace}` });
    }
    if (prefixLength(n[s]) > minimum[s]) {
      ctx.addIssue({ code: "custom", path: ["network", s], message: `${n[s]} is too small: at least a /${minimum[s]} is required` });
    }
  }
  for (let i = 0; i < subnets.length; i++) {
    for (let j = i + 1; j < subnets.length; j++) {
      if (overlaps(n[subnets[i]], n[subnets[j]])) {
        ctx.addIssue({ code: "custom", path: ["network", subnets[j]], message: `${n[subnets[j]]} overlaps ${subnets[i]} ${n[subnets[i]]}` });
      }
    }
  }
}

function prefixLength(cidr: string): number {
  return Number(cidr.split("/")[1]);
}

function range(cidr: string): [number, number] {
  const [ip, bits] = cidr.split("/");
  const base = ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  const start = base - (base % size);
  return [start, start + size - 1];
}

function within(inner: string, outer: string): boolean {
  const [a, b] = range(inner);
  const [c, d] = range(outer);
  return a >= c && b <= d;
}

function overlaps(x: string, y: string): boolean {
  const [a, b] = range(x);
  const [c, d] = range(y);
  return a <= d && c <= b;
}

/** The raw tenant as far as the cross-reference check needs it (it may be partly invalid). */
interface RawTenantView {
  name?: unknown;
  groups?: unknown;
  trustedIpRanges?: unknown;
  remoteAccess?: unknown;
}

/** Checks between `remoteAccess` and the rest of the tenant file. */
export function remoteAccessCrossReferences(t: RawTenantView, ctx: z.core.$RefinementCtx): void {
  const ra = t.remoteAccess as { saml?: { usersGroup?: unknown }; bastion?: { allowedSourceRanges?: unknown }; keyVault?: { name?: unknown } } | undefined;
  if (!ra || typeof ra !== "object") return;
  if (typeof t.name === "string" && (ra.keyVault?.name ?? undefined) === undefined) {
    const derived = keyVaultName(t.name, "awingu");
    const problem = keyVaultNameProblem(derived);
    if (problem) {
      ctx.addIssue({
        code: "custom",
        path: ["remoteAccess", "keyVault", "name"],
        message: `the Key Vault name made from the tenant name, "${derived}", is not valid (${problem}); choose one here`,
      });
    }
  }
  const groups = t.groups && typeof t.groups === "object" ? Object.keys(t.groups) : [];
  const usersGroup = ra.saml?.usersGroup ?? "awingu-gebruikers";
  if (typeof usersGroup === "string" && !groups.includes(usersGroup)) {
    ctx.addIssue({
      code: "custom",
      path: ["remoteAccess", "saml", "usersGroup"],
      message: `unknown group "${usersGroup}"; allowed: ${groups.join(", ") || "(no groups declared)"}`,
    });
  }
  const sources = Array.isArray(ra.bastion?.allowedSourceRanges) ? ra.bastion.allowedSourceRanges : [];
  const trusted = Array.isArray(t.trustedIpRanges) ? t.trustedIpRanges.filter((r) => typeof r === "string" && r.includes(".")) : [];
  if (sources.length === 0 && trusted.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["remoteAccess", "bastion", "allowedSourceRanges"],
      message: "Azure Bastion needs admin source ranges: set them here or list IPv4 trustedIpRanges (it is never opened to the whole internet)",
    });
  }
}
