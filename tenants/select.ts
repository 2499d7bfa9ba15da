/**
 * `WERKPLEK_TENANT=<name>[,<name>...]`: which of the (already validated) tenants to build. A CI job
 * works on one tenant; building only its stacks keeps a job's synth as fast as a single-tenant
 * repository's, while every tenant file is still loaded and checked against the others.
 */

/** WERKPLEK_TENANT names a tenant that has no file; a usage error, exit code 2. */
export class TenantSelectionError extends Error {
  constructor(
    readonly unknown: readonly string[],
    readonly known: readonly string[],
  ) {
    super(
      `WERKPLEK_TENANT names ${unknown.map((n) => `"${n}"`).join(", ")}, which ${unknown.length === 1 ? "has" : "have"} no tenant file (${unknown
        .map((n) => `tenants/${n}.yaml`)
        .join(", ")}); allowed: ${known.join(", ") || "(no tenant files)"}, comma-separated`,
    );
    this.name = "TenantSelectionError";
  }
}

/**
 * The tenants named in `selection` (comma-separated, spaces and empty items ignored), in file
 * order; every tenant when it is unset or empty.
 */
export function selectTenants<T extends { readonly name: string }>(tenants: readonly T[], selection: string | undefined = process.env.WERKPLEK_TENANT): T[] {
  const names = [...new Set((selection ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
  if (names.length === 0) return [...tenants];
  const known = tenants.map((t) => t.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new TenantSelectionError(unknown, known);
  return tenants.filter((t) => names.includes(t.name));
}
