import { defineRule, Outcome } from "../rule";
import { block } from "../../stacks/synthesized";

const SECRETS = ["access_key", "sas_token", "client_secret", "client_certificate_password"];

export default defineRule({
  id: "WP-STATE-007",
  level: "error",
  title: "Remote state is reached with OIDC and Entra ID, not keys",
  explanation: "A backend key or client secret in the configuration lands in .terraform and in plan files; OIDC tokens are short-lived and never stored.",
  fix: "Keep the azurerm backend with use_oidc = true and use_azuread_auth = true; remove access_key, sas_token and client secrets (credentials come from the environment).",
  controls: ["CKV2_AZURE_40"],
  check: (ctx) =>
    ctx.stacks.flatMap((s): Outcome[] => {
      const backend = s.json?.terraform?.backend?.azurerm;
      if (!backend) return [];
      const b = block(backend);
      const problems = [
        b.use_oidc !== true && "use_oidc is not true",
        b.use_azuread_auth !== true && "use_azuread_auth is not true",
        ...SECRETS.filter((k) => b[k] !== undefined).map((k) => `${k} is set`),
      ].filter((p): p is string => typeof p === "string");
      return [{ stack: s.name, resource: "terraform.backend.azurerm", ok: problems.length === 0, message: problems.length ? problems.join("; ") : undefined }];
    }),
});
