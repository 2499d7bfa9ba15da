import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-VM-002",
  level: "warning",
  title: "VMs encrypt at host",
  explanation: "Encryption at host also covers temporary disks and caches, which server-side encryption of managed disks leaves in clear.",
  fix: "Set encryption_at_host_enabled = true (register the EncryptionAtHost feature on the subscription once).",
  controls: ["CKV_AZURE_151", "AVM secure default"],
  check: (ctx) =>
    ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
      .flatMap((t) => ctx.resources(t))
      .map((r) => verdict(r, [r.body.encryption_at_host_enabled !== true && "encryption_at_host_enabled is not true"])),
});
