import { defineRule, verdict } from "../rule";
import { block } from "../../stacks/synthesized";

const MIN_DAYS = 7;

export default defineRule({
  id: "WP-STATE-004",
  level: "warning",
  title: "Blob versioning and soft delete keep earlier state recoverable",
  explanation: "A corrupted or deleted state file means re-importing every resource by hand; versions and soft delete give it back.",
  fix: `Set blob_properties { versioning_enabled = true, delete_retention_policy { days >= ${MIN_DAYS} } }.`,
  controls: ["CKV2_AZURE_38"],
  check: (ctx) =>
    ctx.resources("azurerm_storage_account").map((r) => {
      const blob = block(r.body.blob_properties);
      const days = block(blob.delete_retention_policy).days;
      return verdict(r, [
        blob.versioning_enabled !== true && "blob_properties.versioning_enabled is not true",
        !(typeof days === "number" && days >= MIN_DAYS) && `blob_properties.delete_retention_policy.days is ${days ?? "not set"}`,
      ]);
    }),
});
