/**
 * IPv4 address arithmetic for firewalls that take IP rules: the Azure Storage firewall
 * (`network_rules.ip_rules`) and the Key Vault firewall (`network_acls.ip_rules`). Azure Storage
 * accepts public IPv4 addresses and CIDR ranges, but no /31 or /32 prefix (a single address is
 * written without a prefix) and no private RFC 1918 range; Key Vault refuses private ranges too
 * ("belongs to forbidden range … (private IP addresses)"). Both are given the same, safe form.
 */

/** RFC 1918 private ranges. */
export const PRIVATE_RANGES: readonly string[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** `a.b.c.d` as a number, undefined when it is not an IPv4 address. */
export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** `a.b.c.d/n` or a bare address (`/32`) as [first address, prefix]; undefined for anything else (IPv6 included). */
export function parseIpv4Range(range: string): [number, number] | undefined {
  const [address, bits, ...rest] = range.trim().split("/");
  const n = ipv4ToNumber(address);
  const prefix = bits === undefined ? 32 : /^\d{1,2}$/.test(bits) ? Number(bits) : NaN;
  if (n === undefined || rest.length > 0 || !(prefix >= 0 && prefix <= 32)) return undefined;
  return [n, prefix];
}

/** True when an IPv4 range lies wholly inside an RFC 1918 private range. */
export function isPrivateIpv4(range: string): boolean {
  const r = parseIpv4Range(range);
  if (!r) return false;
  return PRIVATE_RANGES.some((p) => {
    const [base, bits] = parseIpv4Range(p)!;
    return r[1] >= bits && Math.floor(r[0] / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits));
  });
}

/** True when an IPv4 range overlaps an RFC 1918 private range (e.g. 0.0.0.0/1 holds 10.0.0.0/8). */
export function overlapsPrivateIpv4(range: string): boolean {
  const r = parseIpv4Range(range);
  if (!r) return false;
  return PRIVATE_RANGES.some((p) => {
    const [base, bits] = parseIpv4Range(p)!;
    const shortest = Math.min(bits, r[1]);
    return Math.floor(r[0] / 2 ** (32 - shortest)) === Math.floor(base / 2 ** (32 - shortest));
  });
}

/**
 * Why the Azure Storage firewall would refuse an entry of `ip_rules` as written, or undefined
 * when it takes it: the message says what to write instead.
 */
export function storageIpRuleProblem(range: string): string | undefined {
  const r = parseIpv4Range(range);
  if (!r) return `${range} is not an IPv4 address or range (the storage firewall takes IPv4 only)`;
  if (overlapsPrivateIpv4(range)) return `${range} is (or holds) a private RFC 1918 range; the storage firewall takes public addresses only`;
  if (range.includes("/") && r[1] === 32) return `the storage firewall takes no /32: write the single address ${numberToIpv4(r[0])} without a prefix`;
  if (r[1] === 31) return `the storage firewall takes no /31: list the two addresses ${numberToIpv4(r[0])} and ${numberToIpv4(r[0] + 1)} separately`;
  return undefined;
}

/**
 * The IP rules a storage account or key vault firewall accepts for these ranges: IPv4 only,
 * private ranges left out, a /32 written as its address, a /31 as its two addresses; first
 * occurrence order, no duplicates.
 */
export function firewallIpRules(ranges: readonly string[]): string[] {
  const out: string[] = [];
  for (const range of ranges) {
    const r = parseIpv4Range(range);
    if (!r || overlapsPrivateIpv4(range)) continue;
    const first = Math.floor(r[0] / 2 ** (32 - r[1])) * 2 ** (32 - r[1]);
    if (r[1] === 32) out.push(numberToIpv4(r[0]));
    else if (r[1] === 31) out.push(numberToIpv4(first), numberToIpv4(first + 1));
    else out.push(`${numberToIpv4(first)}/${r[1]}`);
  }
  return [...new Set(out)];
}

/**
 * For an IPv4 CIDR whose address has host bits set (192.0.2.5/28), the network it probably meant
 * (192.0.2.0/28); undefined when the range is fine or not IPv4. Azure normalises such ranges in
 * some places and not in others, so the tenant file must say what it means.
 */
export function hostBitsSet(range: string): string | undefined {
  const [address, bits] = range.split("/");
  const ip = ipv4ToNumber(address);
  const prefix = Number(bits);
  if (ip === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (ip & mask) >>> 0;
  if (network === ip) return undefined;
  return `${[24, 16, 8, 0].map((s) => (network >>> s) & 255).join(".")}/${prefix}`;
}

/** Zod check: an IPv4 CIDR without host bits ("did you mean …"). */
export function noHostBits(range: string, ctx: { addIssue: (issue: { code: "custom"; message: string; input: unknown }) => void }): void {
  const meant = hostBitsSet(range);
  if (meant) ctx.addIssue({ code: "custom", message: `${range} has host bits set; did you mean ${meant}?`, input: range });
}
