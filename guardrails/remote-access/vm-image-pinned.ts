import { defineRule, verdict } from "../rule";
import { block } from "../../stacks/synthesized";

const VM_TYPES = ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"];

export default defineRule({
  id: "WP-VM-004",
  level: "warning",
  title: "VM images are pinned to a version, not latest",
  explanation:
    'With version "latest" (or a gallery image id without /versions/) a rebuild, a restore to a new VM or a second region gets whatever appliance the publisher shipped that day, untested; the plan shows no change when the image moves.',
  fix: 'Set the image version (remoteAccess.image.version, e.g. 5.5.1; az vm image list --publisher <publisher> --all shows the versions) or a gallery image version id ending in /versions/<version>; raise it in a reviewed change.',
  controls: ["AVM secure default"],
  check: (ctx) =>
    VM_TYPES.flatMap((t) => ctx.resources(t)).map((r) => {
      const image = block(r.body.source_image_reference);
      const id = typeof r.body.source_image_id === "string" ? r.body.source_image_id : undefined;
      return verdict(r, [
        String(image.version ?? "").toLowerCase() === "latest" && 'source_image_reference.version is "latest"',
        id !== undefined && /\/galleries\//i.test(id) && !/\/versions\/[^/]+$/i.test(id) && "source_image_id names a gallery image without /versions/<version> (the latest version)",
      ]);
    }),
});
