import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-VM-005",
  level: "warning",
  title: "VMs use Trusted Launch (Secure Boot and vTPM)",
  explanation:
    "Secure Boot only starts a signed boot loader and kernel, and the virtual TPM measures the boot chain, so a boot kit or rootkit cannot hide in the gateway that every telework session passes through.",
  fix: "Set secure_boot_enabled = true and vtpm_enabled = true (remoteAccess.trustedLaunch: true; needs a Gen2 image with Trusted Launch support, and replaces an existing VM). For a Gen1 image, suppress with the reason.",
  controls: ["CIS Azure 3.0 8.11"],
  check: (ctx) =>
    ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
      .flatMap((t) => ctx.resources(t))
      .map((r) => verdict(r, [r.body.secure_boot_enabled !== true && "secure_boot_enabled is not true", r.body.vtpm_enabled !== true && "vtpm_enabled is not true"])),
});
