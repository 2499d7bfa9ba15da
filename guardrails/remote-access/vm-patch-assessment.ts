import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-VM-006",
  level: "warning",
  title: "VMs are checked for missing updates",
  explanation: "Periodic assessment lists the missing OS updates of a VM every 24 hours in Azure Update Manager, so an unpatched gateway shows up even when its vendor channel patches it.",
  fix: 'Set patch_assessment_mode = "AutomaticByPlatform" (needs provision_vm_agent = true).',
  controls: ["Azure Policy bd876905-5b84-4f73-ab2d-2e7a7c4568d9 (Machines should be configured to periodically check for missing system updates)"],
  check: (ctx) =>
    ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
      .flatMap((t) => ctx.resources(t))
      .map((r) => verdict(r, [r.body.patch_assessment_mode !== "AutomaticByPlatform" && `patch_assessment_mode is ${JSON.stringify(r.body.patch_assessment_mode ?? "ImageDefault")}, not AutomaticByPlatform`])),
});
