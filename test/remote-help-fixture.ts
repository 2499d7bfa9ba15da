/** The example tenant with Intune Remote Help switched on (and optionally changed), for the Remote Help tests. */
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { buildTenant } from "../stacks/tenant";
import type { StackJson } from "../stacks/synthesized";
import type { Tenant } from "../tenants/schema";
import { kraainemRaw, tenantFrom } from "./helpers";

/** The example's `devices.remoteHelp`, enabled, with `patch` applied on top. */
export function withRemoteHelp(patch: Record<string, unknown> = {}): Tenant {
  return tenantFrom(rawWithRemoteHelp(patch));
}

export function rawWithRemoteHelp(patch: Record<string, unknown> = {}): Record<string, unknown> {
  const raw = kraainemRaw() as { devices: { remoteHelp: Record<string, unknown> } };
  raw.devices.remoteHelp = { ...raw.devices.remoteHelp, enabled: true, ...patch };
  return raw;
}

/** Every stack of a tenant as `npm run synth` writes them (the whole app, so cross-stack references resolve), by area. */
export function synthAll(tenant: Tenant): Record<string, StackJson> {
  const app = Testing.app();
  const stacks = buildTenant(app, tenant);
  app.synth();
  return Object.fromEntries(
    Object.entries(stacks).map(([area, s]) => [area, JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", s.node.id, "cdk.tf.json"), "utf8")) as StackJson]),
  );
}

/**
 * The tenant-file key of the group a synthesized group reference points to: a cross-stack output
 * of the identity stack → its azuread_group → that group's display name → the key with that name.
 */
export function groupKeyOf(ref: string, identity: StackJson, tenant: Tenant): string | undefined {
  const output = /outputs\.([^.}]+)\}$/.exec(ref)?.[1];
  const value = output ? identity.output?.[output]?.value : undefined;
  const name = typeof value === "string" ? /^\$\{azuread_group\.([^.]+)\.object_id\}$/.exec(value)?.[1] : undefined;
  const display = name ? identity.resource?.azuread_group?.[name]?.display_name : undefined;
  return Object.entries(tenant.groups).find(([, g]) => g.displayName === display)?.[0];
}

