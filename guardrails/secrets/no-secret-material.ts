import { defineRule, Outcome } from "../rule";
import { isExpression, Json } from "../../stacks/synthesized";

/** Attribute, variable and local names (snake_case or camelCase, compared in snake_case) that hold secret values. */
const SECRET_KEY =
  /(^|_)(password|passwd|pw|pwd|token|secret|client_secret|private_key|private_key_pem|access_key|primary_access_key|account_key|shared_key|sas_token|connection_string|api_key|certificate_password|client_certificate|pfx|secret_text)$/;
const PRIVATE_KEY_PEM = /-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY-----/;
/** Resources whose `value` is a secret by definition. */
const SECRET_VALUE_TYPES = new Set(["azurerm_key_vault_secret", "azuread_application_password", "azuread_service_principal_password"]);

function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** Every literal secret in a JSON tree, as `path: why`. */
function findSecrets(node: Json, at: string, out: string[], secretValue = false): void {
  if (typeof node === "string") {
    if (PRIVATE_KEY_PEM.test(node)) out.push(`${at}: contains a private key`);
    return;
  }
  if (!node || typeof node !== "object") return;
  for (const [k, v] of Object.entries(node)) {
    if (k === "//") continue;
    const p = at ? `${at}.${k}` : k;
    const isSecretKey = SECRET_KEY.test(snake(k)) || (secretValue && k === "value");
    if (isSecretKey && typeof v === "string" && v !== "" && !isExpression(v)) out.push(`${p}: literal value`);
    else findSecrets(v, p, out);
  }
}

/** A value with literal content: a non-empty string that is not a reference, a number, or a list or object holding one. */
function hasLiteral(v: Json): boolean {
  if (typeof v === "string") return v !== "" && !isExpression(v);
  if (typeof v === "number") return true;
  if (v && typeof v === "object") return Object.values(v).some(hasLiteral);
  return false;
}

/**
 * `variable.<n>.default` when the variable is `sensitive` or named like a secret, and
 * `locals.<n>` named like a secret: a default or local is as published as any attribute.
 */
function findNamedSecrets(section: string, node: Json, out: string[]): void {
  if (!node || typeof node !== "object") return;
  for (const [n, v] of Object.entries<Json>(node)) {
    if (section === "variable" && v && typeof v === "object" && "default" in v) {
      const why = v.sensitive === true ? "sensitive" : SECRET_KEY.test(snake(n)) ? "secret-named" : undefined;
      if (why && hasLiteral(v.default)) out.push(`variable.${n}.default: literal value for a ${why} variable`);
    }
    // string locals are found by findSecrets already; this adds numbers, lists and objects
    if (section === "locals" && SECRET_KEY.test(snake(n)) && typeof v !== "string" && hasLiteral(v)) out.push(`locals.${n}: literal value`);
  }
}

export default defineRule({
  id: "WP-SEC-001",
  level: "error",
  suppressible: false,
  title: "No secret material in the synthesized configuration",
  explanation:
    "The synthesized JSON is committed to CI artifacts, plan files and pull-request comments; a password, client secret, key or private key in it is published. Credentials come from OIDC and the environment, secrets from Key Vault.",
  fix: "Remove the literal: use OIDC (no client secret), SSH public keys, Key Vault references or a sensitive variable fed from the environment.",
  controls: ["CKV_SECRET_6", "CKV_AZURE_45"],
  check: (ctx) =>
    ctx.stacks.flatMap((s): Outcome[] => {
      const outcomes: Outcome[] = [];
      for (const section of ["terraform", "provider", "variable", "locals", "output", "data"]) {
        const found: string[] = [];
        findSecrets((s.json as Json)[section], section, found);
        findNamedSecrets(section, (s.json as Json)[section], found);
        if (found.length) outcomes.push({ stack: s.name, resource: section, ok: false, message: found.join("; ") });
      }
      for (const [type, byName] of Object.entries<Json>(s.json?.resource ?? {})) {
        for (const [name, body] of Object.entries<Json>(byName ?? {})) {
          const found: string[] = [];
          findSecrets(body, "", found, SECRET_VALUE_TYPES.has(type));
          const path = body?.["//"]?.metadata?.path;
          outcomes.push({
            stack: s.name,
            resource: `${type}.${name}`,
            path: typeof path === "string" ? path.slice(s.name.length + 1) : undefined,
            ok: found.length === 0,
            message: found.length ? found.join("; ") : undefined,
          });
        }
      }
      for (const [file, doc] of Object.entries(s.documents)) {
        const found: string[] = [];
        findSecrets(doc, file, found);
        if (found.length) outcomes.push({ stack: s.name, resource: file, ok: false, message: found.join("; ") });
      }
      return outcomes;
    }),
});
