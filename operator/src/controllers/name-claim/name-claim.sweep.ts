// Pure decision: is a NameClaim orphaned? The API claims a name before it creates its holder and
// releases it after the holder is deleted, undoing the claim when a step fails; only a crash in
// between leaves a claim whose holder never came or is gone, and that name would be refused to
// everyone for good. A claim is swept once its holder is missing and it is older than the grace
// period of an orphaned address, far longer than any request. Kinds whose holders the operator
// does not watch (domains: it may not read them) are kept.
import type { NameClaim } from '../../../../crds/types.generated.js';
import { ORPHAN_GRACE_MS, type SweepDecision } from '../address-allocation/address-allocation.sweep.js';

/** Whether the claim's holder exists: undefined when the operator does not watch that kind. */
export type HolderLookup = (kind: string, id: string) => boolean | undefined;

export function nameClaimDecision(c: NameClaim, holder: HolderLookup, now: Date, graceMs = ORPHAN_GRACE_MS): SweepDecision {
  const exists = holder(c.spec.kind, c.spec.holderId);
  if (exists !== false || c.metadata.deletionTimestamp) return { action: 'keep' };
  const created = c.metadata.creationTimestamp ? Date.parse(c.metadata.creationTimestamp) : now.getTime();
  const age = now.getTime() - created;
  return age >= graceMs ? { action: 'delete' } : { action: 'recheck', afterMs: graceMs - age };
}
