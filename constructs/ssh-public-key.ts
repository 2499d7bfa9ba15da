/** Azure accepts RSA (2048 bits or more) and Ed25519 public keys for Linux VMs. */
const SSH_KEY_TYPES = ["ssh-rsa", "ssh-ed25519"] as const;

/**
 * Checks that a value is an OpenSSH *public* key line. Messages never echo the value: a pasted
 * private key must not end up in CI logs.
 */
export function sshPublicKeyProblem(value: string): string | undefined {
  if (/PRIVATE KEY/.test(value)) {
    return "this is a PRIVATE key: never put it in the tenant file; paste the public key (the .pub file, one line starting with ssh-ed25519 or ssh-rsa) and rotate the private key that was exposed";
  }
  if (value.trim().includes("\n")) return "must be a single line";
  const [type, blob] = value.trim().split(/\s+/);
  if (!SSH_KEY_TYPES.includes(type as (typeof SSH_KEY_TYPES)[number]) || !blob || !/^[A-Za-z0-9+/]+={0,3}$/.test(blob)) {
    return `must be an OpenSSH public key line: "<type> <base64> [comment]" with type ${SSH_KEY_TYPES.join(" or ")}`;
  }
  // The base64 blob starts with the key type as a length-prefixed string.
  const bytes = Buffer.from(blob, "base64");
  const len = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  if (len !== type.length || bytes.subarray(4, 4 + len).toString("latin1") !== type) {
    return `the base64 part does not hold a ${type} key (corrupted or truncated copy)`;
  }
  if (type === "ssh-rsa" && bytes.length < 256) return "RSA keys must have at least 2048 bits; prefer ssh-ed25519";
  return undefined;
}
