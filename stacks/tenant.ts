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

/** Builds every stack of a tenant in `scope` (an App). The order is the deploy order. */
export function buildTenant(scope: Construct, tenant: Tenant): TenantStacks {
  const state = new StateStack(scope, { tenant });
  const identity = new IdentityStack(scope, { tenant });
  return {
    state,
    identity,
    conditionalAccess: new ConditionalAccessStack(scope, { tenant, identity }),
    collaboration: new CollaborationStack(scope, { tenant }),
    devices: new DevicesStack(scope, { tenant }),
    remoteAccess: new RemoteAccessStack(scope, { tenant }),
  };
}
