import { TenantSchema } from "../tenants/schema";
import { sshPublicKeyProblem } from "../constructs/ssh-public-key";
import { kraainemRaw } from "./helpers";

const ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA admin@example";

/** Problems of the example tenant after a change to its remoteAccess section, as "path: message". */
function problems(patch: (ra: Record<string, any>, raw: Record<string, any>) => void): string[] {
  const raw = kraainemRaw() as Record<string, any>;
  patch(raw.remoteAccess, raw);
  const r = TenantSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("remoteAccess in the tenant file", () => {
  test("the example is valid and optional: a tenant without it is valid too", () => {
    expect(problems(() => {})).toEqual([]);
    expect(problems((_ra, raw) => delete raw.remoteAccess)).toEqual([]);
  });

  test("a private key is refused, and the message never repeats the key", () => {
    const secret = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----";
    const p = problems((ra) => (ra.sshPublicKey = secret));
    expect(p).toEqual([expect.stringMatching(/^remoteAccess\.sshPublicKey: this is a PRIVATE key: never put it in the tenant file/)]);
    expect(p.join()).not.toContain("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ");
  });

  test.each([
    ["not a key", /must be an OpenSSH public key line/],
    ["ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=", /type ssh-rsa or ssh-ed25519/],
    ["ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /does not hold a ssh-rsa key/],
    ["ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7", /at least 2048 bits/],
  ])("a bad public key %j is refused", (key, message) => {
    expect(sshPublicKeyProblem(key)).toMatch(message);
  });

  test("keyVault.allowedIpRanges refuses private ranges, which the Key Vault firewall rejects", () => {
    expect(problems((ra) => (ra.keyVault = { allowedIpRanges: ["198.51.100.0/24", "10.10.0.0/16"] }))).toEqual([
      "remoteAccess.keyVault.allowedIpRanges.1: the Key Vault firewall takes public ranges only, not a private (RFC 1918) range",
    ]);
  });

  test("a well-formed Ed25519 public key passes", () => {
    expect(sshPublicKeyProblem(ED25519)).toBeUndefined();
  });

  test("more than 500 concurrent users needs a cluster", () => {
    expect(problems((ra) => (ra.concurrentUsers = 600))).toEqual([expect.stringMatching(/^remoteAccess\.concurrentUsers: one Awingu appliance serves at most 500/)]);
  });

  test("image is marketplace or gallery, each with its own fields", () => {
    expect(problems((ra) => (ra.image = { source: "vhd", url: "x" }))[0]).toMatch(/^remoteAccess\.image(\.source)?: image\.source must be "marketplace" .* or "gallery"/);
    expect(problems((ra) => (ra.image = { source: "gallery", galleryImageId: "awingu" }))[0]).toMatch(/^remoteAccess\.image\.galleryImageId: must be an Azure Compute Gallery image/);
    expect(problems((ra) => (ra.image.version = "newest"))[0]).toMatch(/^remoteAccess\.image\.version: must be latest or a version/);
  });

  test("subnets must lie in the address space, not overlap and be large enough", () => {
    expect(problems((ra) => (ra.network.vmSubnet = "10.30.0.0/27"))).toEqual(["remoteAccess.network.vmSubnet: 10.30.0.0/27 is not inside addressSpace 10.20.0.0/22"]);
    expect(problems((ra) => (ra.network.bastionSubnet = "10.20.0.0/26"))).toEqual(["remoteAccess.network.bastionSubnet: 10.20.0.0/26 overlaps gatewaySubnet 10.20.0.0/24"]);
    expect(problems((ra) => (ra.network.bastionSubnet = "10.20.1.64/27"))).toEqual(["remoteAccess.network.bastionSubnet: 10.20.1.64/27 is too small: at least a /26 is required"]);
  });

  test("the users group must exist; Bastion never opens to the whole internet", () => {
    expect(problems((ra) => (ra.saml.usersGroup = "niemand"))).toEqual([expect.stringMatching(/^remoteAccess\.saml\.usersGroup: unknown group "niemand"; allowed: gemeenteraad, /)]);
    expect(problems((ra) => (ra.bastion.allowedSourceRanges = ["0.0.0.0/0"]))).toEqual(["remoteAccess.bastion.allowedSourceRanges.0: too broad: admin source ranges must be /16 or narrower"]);
    expect(
      problems((ra, raw) => {
        ra.bastion.allowedSourceRanges = [];
        raw.trustedIpRanges = [];
      }),
    ).toEqual([expect.stringMatching(/^remoteAccess\.bastion\.allowedSourceRanges: Azure Bastion needs admin source ranges/)]);
  });

  test("reserved admin names and missing servers are refused", () => {
    expect(problems((ra) => (ra.adminUsername = "root"))[0]).toMatch(/^remoteAccess\.adminUsername: this name is reserved/);
    expect(problems((ra) => (ra.domainControllers = []))[0]).toMatch(/^remoteAccess\.domainControllers: at least one domain controller/);
    expect(problems((ra) => (ra.rdsHosts = ["rds01"]))[0]).toMatch(/^remoteAccess\.rdsHosts\.0: must be an IPv4 address/);
  });
});
