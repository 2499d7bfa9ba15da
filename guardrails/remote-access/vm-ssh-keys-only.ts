import { defineRule, verdict } from "../rule";
import { blocks } from "../../stacks/synthesized";

export default defineRule({
  id: "WP-VM-001",
  level: "error",
  title: "Linux VMs accept SSH keys only, no password",
  explanation: "A password on a VM ends up in the Terraform state and can be guessed; SSH public keys are neither secret nor guessable.",
  fix: "Remove admin_password, set disable_password_authentication = true and give admin_ssh_key with a public key.",
  controls: ["CKV_AZURE_1", "CKV_AZURE_149", "CKV_AZURE_178"],
  check: (ctx) =>
    ctx.resources("azurerm_linux_virtual_machine").map((r) =>
      verdict(r, [
        r.body.admin_password !== undefined && "admin_password is set",
        r.body.disable_password_authentication === false && "disable_password_authentication is false",
        blocks(r.body.admin_ssh_key).length === 0 && "no admin_ssh_key",
      ]),
    ),
});
