// Pure decision: is an AddressAllocation orphaned? The API claims a port's addresses before it
// creates the port, and releases them after the port is deleted, undoing every claim when a step
// fails; only a crash between the two leaves an allocation whose port never came or is gone, and
// that address would be taken for good. An allocation is swept once its holder port is missing
// and it is older than a grace period far longer than any request, so one whose port is still
// being created (or not yet in the cache) is never touched.
import type { AddressAllocation } from '../../../../crds/types.generated.js';

/** Far longer than a port create takes, retries included. */
export const ORPHAN_GRACE_MS = 120_000;

export type SweepDecision = { action: 'keep' } | { action: 'delete' } | { action: 'recheck'; afterMs: number };

export function sweepDecision(a: AddressAllocation, holderExists: boolean, now: Date, graceMs = ORPHAN_GRACE_MS): SweepDecision {
  if (holderExists || a.metadata.deletionTimestamp) return { action: 'keep' };
  const created = a.metadata.creationTimestamp ? Date.parse(a.metadata.creationTimestamp) : now.getTime();
  const age = now.getTime() - created;
  return age >= graceMs ? { action: 'delete' } : { action: 'recheck', afterMs: graceMs - age };
}
