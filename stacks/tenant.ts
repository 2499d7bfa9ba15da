import { Construct } from "constructs";
import type { Tenant } from "../tenants/schema";
import { CollaborationStack } from "./collaboration";
import { ConditionalAccessStack } from "./conditional-access";
import { DevicesStack } from "./devices";
import { IdentityStack } from "./identity";
import { RemoteAccessStack } from "./remote-access";
import { StateStack } from "./state";

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
 * Builds every stack of a tenant in `scope` (an App), in deploy order: the state backend, identity,
 * then the stacks that use its groups; conditional access last, because it also scopes a policy
 * to the Awingu application that the remote-access stack registers.
 */
export function buildTenant(scope: Construct, tenant: Tenant): TenantStacks {
  const state = new StateStack(scope, { tenant });
  const identity = new IdentityStack(scope, { tenant });
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
