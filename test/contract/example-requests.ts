/**
 * The Graph requests the contract test checks and the fixture regeneration prunes to: every
 * request of the shipped example tenant, plus those of features the example leaves off (their
 * request bodies must meet Graph's metadata as well). Today that is Intune Remote Help
 * (`devices.remoteHelp`), which the example keeps off because it needs a licence.
 */
import { buildStacks, kraainemRaw, synthJson, tenantFrom } from "../helpers";
import { graphRequestsOf, type GraphRequest } from "./requests";

/** The example tenant with every optional feature it leaves off turned on. */
export function exampleWithOptionalFeatures() {
  const raw = kraainemRaw() as { devices: { remoteHelp: Record<string, unknown> } };
  raw.devices.remoteHelp = { ...raw.devices.remoteHelp, enabled: true };
  return tenantFrom(raw);
}

function requestsOf(tenant?: ReturnType<typeof tenantFrom>): GraphRequest[] {
  return Object.values(buildStacks(tenant)).flatMap((stack) => graphRequestsOf(stack.node.id, synthJson(stack)));
}

/** The example's requests, then the optional features' requests the example does not make (by address). */
export function exampleGraphRequests(): GraphRequest[] {
  const base = requestsOf();
  const seen = new Set(base.map((r) => r.address));
  return [...base, ...requestsOf(exampleWithOptionalFeatures()).filter((r) => !seen.has(r.address))];
}
