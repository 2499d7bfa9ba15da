/**
 * Copies of the example tenant under other names, as an intermunicipal partner would have: each
 * with its own tenant, subscription, domain and names (the loader refuses copies that share them).
 * Used by `npm run bench` and by the tests of WERKPLEK_TENANT.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

/** The names `gemeente-01` … `gemeente-<n>`. */
export function generatedNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `gemeente-${String(i + 1).padStart(2, "0")}`);
}

/** A new temporary folder with `n` tenant files (and the schema they refer to); the caller removes it. */
export function generateTenants(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-bench-"));
  const example = fs.readFileSync(path.join(ROOT, "tenants", "kraainem.yaml"), "utf8");
  fs.copyFileSync(path.join(ROOT, "tenants", "tenant.schema.json"), path.join(dir, "tenant.schema.json"));
  generatedNames(n).forEach((name, index) => {
    const hex = (index + 1).toString(16).padStart(2, "0");
    const yaml = example
      .replace(/^name: kraainem$/m, `name: ${name}`)
      .replace(/(0000-0000000000)(a1|b1|c1)\b/g, (_m, head, tail) => `${head.slice(0, -2)}${hex}${tail}`)
      .replace(/kraainem\.be/g, `${name}.be`)
      .replace(/^(\s+displayNamePrefix:) KRA\b/m, `$1 G${hex}`);
    fs.writeFileSync(path.join(dir, `${name}.yaml`), yaml);
  });
  return dir;
}
