// Cinder's quota set bodies: every resource Cinder counts, with volumes_, gigabytes_ and
// snapshots_<type name> for each volume type (unlimited unless set), as limits or, with
// ?usage=True, {limit, in_use, reserved, allocated}. Nothing is ever reserved or allocated here: a
// claim is admitted and recorded in one write, and there are no nested quotas.
import type { Quota } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { CINDER_DEFAULTS, projectLimit, type Limits } from '../../../quota/quota.defaults.js';
import { usageOf } from '../../../quota/quota.ledger.js';

/** The per volume type resources, for every type there is. */
export function typeResources(stores: Stores): string[] {
  return stores.volumeTypes.list().flatMap((t) => ['volumes', 'gigabytes', 'snapshots'].map((r) => `${r}_${t.spec.name}`));
}

export function volumeResources(stores: Stores): string[] {
  return [...Object.keys(CINDER_DEFAULTS), ...typeResources(stores)];
}

export function quotaSetLimits(stores: Stores, quota: Quota | undefined, defaults: Limits): Record<string, number> {
  return Object.fromEntries(volumeResources(stores).map((r) => [r, projectLimit(quota, defaults, r)]));
}

export function quotaSetUsage(stores: Stores, quota: Quota | undefined, defaults: Limits): Record<string, { limit: number; in_use: number; reserved: number; allocated: number }> {
  const used = usageOf(quota);
  return Object.fromEntries(volumeResources(stores).map((r) => [r, { limit: projectLimit(quota, defaults, r), in_use: used[r] ?? 0, reserved: 0, allocated: 0 }]));
}
