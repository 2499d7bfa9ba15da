import { Construct } from "constructs";
import { DefenderPlans } from "../constructs/defender-plans";
import type { Tenant } from "../tenants/schema";
import { CollaborationStack } from "./collaboration";
import { ConditionalAccessStack } from "./conditional-access";
import { DevicesStack } from "./devices";
import { IdentityStack } from "./identity";
import { RemoteAccessStack } from "./remote-access";
import { logStateBlobs, StateStack } from "./state";

/** All stacks of one tenant, by area. */
export interface TenantStacks {
  readonly state: StateStack;
  readonly identity: IdentityStack;
  readonly conditionalAccess: ConditionalAccessStack;
  readonly collaboration: CollaborationStack;
  readonly devices: DevicesStack;
  readonly remoteAccess: RemoteAccessStack;
}

/**
 * Builds every stack of a tenant in `scope` (an App), in deploy order: the state backend, identity
 * (which also logs the state account and holds the Defender for Cloud plans), then the stacks that
 * use its groups; conditional access last, because it also scopes a policy to the Awingu
 * application that the remote-access stack registers.
 */
export function buildTenant(scope: Construct, tenant: Tenant): TenantStacks {
  const state = new StateStack(scope, { tenant });
  const identity = new IdentityStack(scope, { tenant });
  // Subscription-wide security, in the stack that holds the Log Analytics workspace and is always
  // deployed: the state account's blob log, and the subscription's Defender for Cloud plans.
  logStateBlobs(identity, state, tenant, identity.logAnalytics.id);
  const defender = tenant.defenderForCloud;
  new DefenderPlans(identity, "defender", {
    servers: defender.servers === "off" ? undefined : defender.servers,
    keyVaults: defender.keyVaults,
    storageAccounts: defender.storageAccounts,
  });
  const collaboration = new CollaborationStack(scope, { tenant, identity });
  const devices = new DevicesStack(scope, { tenant, identity });
  const remoteAccess = new RemoteAccessStack(scope, { tenant, identity });
  const conditionalAccess = new ConditionalAccessStack(scope, {
    tenant,
    identity,
    apps: { awinguClientId: remoteAccess.awinguAppClientId },
  });
  return { state, identity, conditionalAccess, collaboration, devices, remoteAccess };
}
