import { ConfigurationError } from "../../constructs/errors";
/**
 * Awingu VM size by peak concurrent users (RDP streams). Vendor tiers from the Awingu 5.5 admin
 * manual; one appliance serves at most 500 streams (more needs a three-node cluster with an
 * external database). Every size supports Premium SSD and encryption at host. Azure has no
 * 6-vCPU general-purpose v5 size, so the medium tier rounds up to 8 vCPU.
 */
export interface SizingTier {
  /** Up to and including this many concurrent users. */
  readonly maxUsers: number;
  /** What the vendor asks for. */
  readonly vendor: { readonly vcpu: number; readonly memoryGB: number; readonly diskGB: number };
  readonly vmSize: string;
  /** What the Azure size gives. */
  readonly azure: { readonly vcpu: number; readonly memoryGiB: number };
}

export const AWINGU_SIZING: readonly SizingTier[] = [
  { maxUsers: 100, vendor: { vcpu: 2, memoryGB: 4, diskGB: 80 }, vmSize: "Standard_D2s_v5", azure: { vcpu: 2, memoryGiB: 8 } },
  { maxUsers: 250, vendor: { vcpu: 6, memoryGB: 6, diskGB: 80 }, vmSize: "Standard_D8s_v5", azure: { vcpu: 8, memoryGiB: 32 } },
  // The manual says 5 GB for this tier (lower than medium, probably a typo); 8 vCPU is what counts.
  { maxUsers: 500, vendor: { vcpu: 8, memoryGB: 5, diskGB: 80 }, vmSize: "Standard_D8s_v5", azure: { vcpu: 8, memoryGiB: 32 } },
];

/** The VM size for a number of concurrent users; an explicit size in the tenant file wins. */
export function awinguVmSize(concurrentUsers: number, explicit?: string): string {
  if (explicit) return explicit;
  const tier = AWINGU_SIZING.find((t) => concurrentUsers <= t.maxUsers);
  if (!tier) {
    throw new ConfigurationError(`concurrentUsers ${concurrentUsers} is more than one Awingu appliance serves (at most 500); use a cluster`);
  }
  return tier.vmSize;
}
