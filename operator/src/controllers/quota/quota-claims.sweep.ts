// Pure decisions of the stale-claim sweep. A claim is made by the API request that creates its
// holder, before the holder is written, and given back when the write fails or the holder is
// deleted; only a crash in between leaves a claim whose holder never came (or is gone), and that
// quota would be taken for good. Such a claim is removed once its holder is missing and it is
// older than a grace period far longer than any request, as the address allocation sweep does.
import type { Quota } from '../../../../crds/types.generated.js';
import { Resources, type ResourceType } from '../../../../crds/resources.js';

/** Far longer than any create takes, retries included. */
export const CLAIM_GRACE_MS = 120_000;

/** The kinds that hold claims, by their plural (the first segment of a claim key). */
const HOLDERS: readonly ResourceType[] = [
  Resources.Server, Resources.ServerGroup, Resources.Keypair, Resources.Port, Resources.Network, Resources.Subnet, Resources.SubnetPool,
  Resources.Router, Resources.FloatingIP, Resources.SecurityGroup, Resources.Volume, Resources.Snapshot,
];
const BY_PLURAL = new Map(HOLDERS.map((r) => [r.plural, r]));

export interface Holder {
  res: ResourceType;
  name: string;
}

/**
 * The object a claim key names: `<plural>/<id>`, or for what is not a custom resource
 * `<parent plural>/<parent id>/<sub>/<sub id>`, its parent. undefined for a key of no known kind:
 * such a claim is never swept.
 */
export function holderOf(key: string): Holder | undefined {
  const [plural, name] = key.split('/');
  const res = BY_PLURAL.get(plural);
  return res && name ? { res, name } : undefined;
}

export interface OldClaim {
  key: string;
  claimedAt: string;
  holder: Holder;
}

/**
 * The claims past the grace period whose holder must be looked for (a key of no known kind is
 * never swept), and when the youngest of the others comes of age (undefined: none is waiting).
 */
export function claimsToCheck(quota: Quota, now: Date, graceMs = CLAIM_GRACE_MS): { old: OldClaim[]; recheckAfterMs?: number } {
  const old: OldClaim[] = [];
  let recheckAfterMs: number | undefined;
  for (const [key, claim] of Object.entries(quota.spec.claims ?? {})) {
    const holder = holderOf(key);
    if (!holder) continue;
    const age = now.getTime() - Date.parse(claim.claimedAt);
    if (age >= graceMs) old.push({ key, claimedAt: claim.claimedAt, holder });
    else recheckAfterMs = Math.min(recheckAfterMs ?? Infinity, graceMs - age);
  }
  return { old, recheckAfterMs };
}

/** The quota without the stale claims, each only if it is still the claim judged (same claimedAt); undefined when none is left to remove. */
export function withoutStale(quota: Quota, stale: Map<string, string>): Quota | undefined {
  const claims = { ...(quota.spec.claims ?? {}) };
  let removed = 0;
  for (const [key, claimedAt] of stale) {
    if (claims[key]?.claimedAt !== claimedAt) continue;
    delete claims[key];
    removed++;
  }
  return removed ? { ...quota, spec: { ...quota.spec, claims } } : undefined;
}
