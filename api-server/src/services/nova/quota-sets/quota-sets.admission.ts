// Nova's quota checks, made as atomic claims on the project's compute ledger (quota/): a server
// holds {instances: 1, cores, ram} (and one of its group's members) under servers/<id>, a server
// group {server_groups: 1}, a keypair one of its user's key_pairs. Refusals are Nova's 403s.
import type { Flavor, Quota, Server } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { Resources } from '../../../../../crds/resources.js';
import { forbidden, projectNotReady, type ApiError } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { projectLimit, UNLIMITED, type Limits } from '../../../quota/quota.defaults.js';
import { usageOf, type Amounts, type ClaimRequest, type Overage } from '../../../quota/quota.ledger.js';
import { claimKey, groupMembersResource } from '../../../quota/quota.keys.js';
import { cachedQuota, defaultLimits, liveQuota } from '../../../quota/quota.limits.js';

/** What one server holds: an instance, its flavor's vCPUs and RAM, and a place in its group. */
export function serverAmounts(flavor: Pick<Flavor['spec'], 'vcpus' | 'ramMiB'>, groupId?: string): Amounts {
  return { instances: 1, cores: flavor.vcpus, ram: flavor.ramMiB, ...(groupId ? { [groupMembersResource(groupId)]: 1 } : {}) };
}

export const serverClaimKey = (id: string): string => claimKey(Resources.Server, id);

const isGroupMembers = (o: Overage): boolean => o.resource.startsWith(`${groupMembersResource('')}`);

/** A claim; the namespace a new project does not have yet is Nova's "not ready" 409, not a 404. */
export async function claimIn(quotas: QuotaAdmission, projectId: string, req: ClaimRequest): Promise<Overage[]> {
  try {
    return await quotas.claim(projectId, 'compute', req);
  } catch (err) {
    if (isNotFound(err)) throw projectNotReady(projectId);
    throw err;
  }
}

/** Nova's TooManyInstances: "Quota exceeded for cores, ram: Requested 4, 2048, but already used 20, 512 of 20, 51200 cores, ram". */
export function tooManyInstances(overages: Overage[], requested: (o: Overage) => string | number, used: (o: Overage) => number = (o) => o.used): ApiError {
  const overs = [...overages].sort((a, b) => a.resource.localeCompare(b.resource));
  const list = (f: (o: Overage) => string | number): string => overs.map(f).join(', ');
  const names = list((o) => o.resource);
  return forbidden(`Quota exceeded for ${names}: Requested ${list(requested)}, but already used ${list(used)} of ${list((o) => o.limit)} ${names}`);
}

/**
 * How many of `max` servers the ledger has room for, so that a request for many claims no more
 * than can fit; fewer than min is Nova's 403 without a claim. The cache answers when it has room
 * for all; otherwise the live object does (the cache may not have seen a release yet). Only a
 * bound: the claims decide, atomically.
 */
export async function roomFor(stores: Pick<Stores, 'quotas' | 'quotaClasses'>, projectId: string, amounts: Amounts, count: { min: number; max: number }): Promise<number> {
  const cached = roomIn(cachedQuota(stores, projectId, 'compute'), defaultLimits(stores, 'compute'), amounts, count);
  if (cached.room >= count.max) return cached.room;
  const live = roomIn(await liveQuota(stores, projectId, 'compute'), defaultLimits(stores, 'compute'), amounts, count);
  if (live.room >= count.min) return live.room;
  throw live.refusal;
}

function roomIn(quota: Quota | undefined, defaults: Limits, amounts: Amounts, count: { min: number; max: number }): { room: number; refusal: ApiError } {
  const used = usageOf(quota);
  const over: Overage[] = [];
  let room = count.max;
  for (const [resource, amount] of Object.entries(amounts)) {
    const limit = projectLimit(quota, defaults, resource);
    if (limit === UNLIMITED || amount <= 0) continue;
    const have = used[resource] ?? 0;
    room = Math.min(room, Math.max(0, Math.floor((limit - have) / amount)));
    if (have + count.max * amount > limit) over.push({ resource, requested: count.max * amount, used: have, limit, scope: 'project' });
  }
  const instanceOvers = over.filter((o) => !isGroupMembers(o));
  const refusal = instanceOvers.length === 0 ? forbidden('Quota exceeded, too many servers in group')
    : tooManyInstances(instanceOvers, (o) => (o.resource === 'instances' ? (count.min === count.max ? `${count.min}` : `${count.min}-${count.max}`) : o.requested));
  return { room, refusal };
}

export interface ServerBatch {
  projectId: string;
  userId: string;
  ids: string[];
  amounts: Amounts;
  /** The request's min_count and max_count (ids may be fewer than max: what the cache had room for). */
  min: number;
  max: number;
}

/**
 * Claims a place for each server, in order, and keeps as many as fit (Nova boots max_count when
 * it fits, else as many as fit from min_count up). Fewer than min_count, or a group without room
 * for all, gives every claim back and answers Nova's 403. Returns the ids admitted.
 */
export async function admitServers(quotas: QuotaAdmission, batch: ServerBatch): Promise<string[]> {
  const { projectId, userId, ids, amounts, min, max } = batch;
  const outcomes = await Promise.all(ids.map((id) => claimIn(quotas, projectId, { key: serverClaimKey(id), resources: amounts, userId })));
  const admitted = ids.filter((_, i) => outcomes[i].length === 0);
  const refused = outcomes.find((o) => o.length > 0);
  if (!refused || (admitted.length >= min && !refused.some(isGroupMembers))) return admitted;
  await Promise.all(admitted.map((id) => quotas.release(projectId, 'compute', serverClaimKey(id))));
  const instanceOvers = refused.filter((o) => !isGroupMembers(o));
  if (instanceOvers.length === 0) throw forbidden('Quota exceeded, too many servers in group');
  const requested = (o: Overage): string | number => (o.resource === 'instances' ? (min === max ? `${min}` : `${min}-${max}`) : max * amounts[o.resource]);
  throw tooManyInstances(instanceOvers, requested, (o) => o.used - admitted.length * amounts[o.resource]);
}

/** Gives the servers' claims back (their creation failed, or they were deleted). */
export async function releaseServers(quotas: QuotaAdmission, projectId: string, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => quotas.release(projectId, 'compute', serverClaimKey(id))));
}

/**
 * A resize's (or revert's) claim: the server's amounts on the new flavor under its own key, so only
 * growth is checked (Nova's upsize delta); Nova's 403 with the growth as requested when it does not fit.
 */
export async function claimServerFlavor(quotas: QuotaAdmission, server: Server, flavor: Pick<Flavor['spec'], 'vcpus' | 'ramMiB'>): Promise<void> {
  const req = { key: serverClaimKey(server.metadata.name), resources: serverAmounts(flavor, server.spec.serverGroup?.id), userId: server.spec.userId };
  const overages = await claimIn(quotas, server.spec.projectId, req);
  if (overages.length) throw tooManyInstances(overages, (o) => o.requested);
}

/** Nova's metadata_items: a server's metadata may hold at most the project's limit of items (403). */
export function checkMetadataQuota(stores: Pick<Stores, 'quotas' | 'quotaClasses'>, projectId: string, count: number): void {
  const limit = projectLimit(cachedQuota(stores, projectId, 'compute'), defaultLimits(stores, 'compute'), 'metadata_items');
  if (limit !== UNLIMITED && count > limit) throw forbidden(`Quota exceeded for metadata_items: Requested ${count}, but already used 0 of ${limit} metadata_items`);
}
