/**
 * Writes tenants/tenant.schema.json from the zod schema, for editor completion in the YAML files
 * (`# yaml-language-server: $schema=./tenant.schema.json`). A test fails when it is out of date.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { TenantSchema } from "./schema";

export const SCHEMA_FILE = path.join(__dirname, "tenant.schema.json");

export function tenantJsonSchema(): string {
  const schema = z.toJSONSchema(TenantSchema, { io: "input", unrepresentable: "any" });
  return JSON.stringify({ ...schema, title: "werkplek tenant file" }, null, 2) + "\n";
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_FILE, tenantJsonSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
