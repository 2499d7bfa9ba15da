import { defenderPlanOn } from "../diagnostics";
import { defineRule, verdict } from "../rule";

export default defineRule({
  id: "WP-VM-007",
  level: "warning",
  title: "Defender for Servers is on where there are VMs",
  explanation: "Defender for Servers puts Defender for Endpoint on the VM and raises alerts on attacks against it; without a plan nothing watches the gateway from inside.",
  fix: 'Keep defenderForCloud.servers at P1 or P2 (azurerm_security_center_subscription_pricing resource_type "VirtualMachines", tier "Standard"); if the appliance vendor does not support the agent, suppress with the reason.',
  controls: ["CKV_AZURE_55"],
  check: (ctx) => {
    const on = defenderPlanOn(ctx, "VirtualMachines");
    return ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
      .flatMap((t) => ctx.resources(t))
      .map((r) => verdict(r, [!on && "Defender for Servers is not on for the subscription"]));
  },
});
