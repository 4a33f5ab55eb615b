// The quota ledger: pure functions over one project's Quota object for one service. What is in
// use is the sum of the claims each resource holds (a server claims {instances: 1, cores, ram}
// under "server/<id>"), so usage can never drift from a counter: a claim is added by the request
// that creates its holder and removed when the holder goes, and a claim whose holder never came
// to exist is swept by the operator.
import type { Quota } from '../../../crds/types.generated.js';
import { projectLimit, userLimit, UNLIMITED, type Limits } from './quota.defaults.js';

export type Amounts = Record<string, number>;

export interface ClaimRequest {
  /** `<kind>/<id>` of the holder; claiming the same key again replaces its amounts (a resize). */
  key: string;
  resources: Amounts;
  /** Nova's per-user quotas count the user's claims too. */
  userId?: string;
}

/** One resource a request would take past its limit. */
export interface Overage {
  resource: string;
  requested: number;
  used: number;
  limit: number;
  /** Whether the project's limit or the user's own (Nova's per-user quota) was hit. */
  scope: 'project' | 'user';
}

type Claims = NonNullable<Quota['spec']['claims']>;

/** What the claims hold, summed by resource; with a user, only that user's claims. */
export function usageOf(quota: Quota | undefined, userId?: string): Amounts {
  const used: Amounts = {};
  for (const claim of Object.values(quota?.spec.claims ?? {})) {
    if (userId !== undefined && claim.userId !== userId) continue;
    for (const [resource, amount] of Object.entries(claim.resources)) used[resource] = (used[resource] ?? 0) + amount;
  }
  return used;
}

/** The overage when `requested` more would pass `limit` given `used`; undefined when it fits. */
function overage(resource: string, requested: number, counted: { used: number; limit: number; scope: Overage['scope'] }): Overage | undefined {
  const { used, limit, scope } = counted;
  if (limit === UNLIMITED || used + requested <= limit) return undefined;
  return { resource, requested, used, limit, scope };
}

/** Nova's per-user check, only where the user has limits of their own. */
function userOverage(quota: Quota | undefined, defaults: Limits, req: ClaimRequest, growth: { resource: string; requested: number }): Overage | undefined {
  const { resource, requested } = growth;
  if (req.userId === undefined || !quota?.spec.userLimits?.[req.userId]) return undefined;
  const used = usageOf(quota, req.userId)[resource] ?? 0;
  return overage(resource, requested, { used, limit: userLimit(quota, defaults, resource, req.userId), scope: 'user' });
}

/**
 * The overages the request would cause ([] when it fits). Only growth is checked: a claim that
 * replaces a larger one (a resize down) always fits, as in Nova.
 */
export function overagesOf(quota: Quota | undefined, defaults: Limits, req: ClaimRequest): Overage[] {
  const before = quota?.spec.claims?.[req.key]?.resources ?? {};
  const projectUsed = usageOf(quota);
  const found: Overage[] = [];
  for (const [resource, amount] of Object.entries(req.resources)) {
    const growth = amount - (before[resource] ?? 0);
    if (growth <= 0) continue;
    const limit = projectLimit(quota, defaults, resource);
    const over = overage(resource, growth, { used: projectUsed[resource] ?? 0, limit, scope: 'project' }) ?? userOverage(quota, defaults, req, { resource, requested: growth });
    if (over) found.push(over);
  }
  return found;
}

export function withClaim(quota: Quota, req: ClaimRequest, now: Date): Quota {
  const claims: Claims = { ...(quota.spec.claims ?? {}) };
  claims[req.key] = { resources: { ...req.resources }, claimedAt: now.toISOString(), ...(req.userId !== undefined ? { userId: req.userId } : {}) };
  return { ...quota, spec: { ...quota.spec, claims } };
}

export function withoutClaim(quota: Quota, key: string): Quota {
  const claims: Claims = { ...(quota.spec.claims ?? {}) };
  delete claims[key];
  return { ...quota, spec: { ...quota.spec, claims } };
}
