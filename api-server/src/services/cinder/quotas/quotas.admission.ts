// Cinder's quota admission. A volume holds {volumes: 1, gigabytes: size} and the same per volume
// type (volumes_<type name>, gigabytes_<type name>) under `volumes/<id>` in its project's `volume`
// Quota ledger; a snapshot {snapshots: 1, gigabytes: size} and snapshots_/gigabytes_<type> under
// `snapshots/<id>` (Cinder counts snapshot gigabytes, no_snapshot_gb_quota being off by default).
// Claims are taken before the CR is written and given back when it fails or the holder goes. Over
// quota is Cinder's 413 with its exception's name and message, as Cinder's fault wrapper says it.
import type { Snapshot, Volume } from '../../../../../crds/types.generated.js';
import { Resources } from '../../../../../crds/resources.js';
import { ApiError } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import { projectLimit, UNLIMITED } from '../../../quota/quota.defaults.js';
import type { Amounts, ClaimRequest, Overage } from '../../../quota/quota.ledger.js';
import { quotasOf } from '../../../quota/quota.binding.js';
import { cachedQuota, defaultLimits } from '../../../quota/quota.limits.js';

/** Cinder's QuotaError: 413, the exception's class name before its message. */
const quotaError = (exception: string, message: string): ApiError => new ApiError(413, `${exception}: ${message}`);

export const volumeClaimKey = (volumeId: string): string => `${Resources.Volume.plural}/${volumeId}`;
export const snapshotClaimKey = (snapshotId: string): string => `${Resources.Snapshot.plural}/${snapshotId}`;

/** What a volume of this size and type holds. */
export function volumeAmounts(size: number, typeName: string): Amounts {
  return { volumes: 1, gigabytes: size, [`volumes_${typeName}`]: 1, [`gigabytes_${typeName}`]: size };
}

export function snapshotAmounts(size: number, typeName: string): Amounts {
  return { snapshots: 1, gigabytes: size, [`snapshots_${typeName}`]: 1, [`gigabytes_${typeName}`]: size };
}

export const volumeClaim = (v: Volume): ClaimRequest => ({ key: volumeClaimKey(v.metadata.name), resources: volumeAmounts(v.spec.size, v.spec.volumeTypeName) });
export const snapshotClaim = (s: Snapshot, typeName: string): ClaimRequest => ({ key: snapshotClaimKey(s.metadata.name), resources: snapshotAmounts(s.spec.size, typeName) });

/** Cinder's quota_utils.process_reserve_over_quota: the first resource over decides the exception. */
export function overLimitError(over: Overage): ApiError {
  const { resource, requested, used, limit } = over;
  if (resource.includes('gigabytes')) {
    return quotaError('VolumeSizeExceedsAvailableQuota', `Requested volume or snapshot exceeds allowed ${resource} quota. Requested ${requested}G, quota is ${limit}G and ${used}G has been consumed.`);
  }
  if (resource.startsWith('snapshots')) return quotaError('SnapshotLimitExceeded', `Maximum number of snapshots allowed (${limit}) exceeded`);
  return quotaError('VolumeLimitExceeded', `Maximum number of volumes allowed (${limit}) exceeded for quota '${resource}'.`);
}

/** per_volume_gigabytes is a limit on one volume's size, never a sum: Cinder's VolumeSizeExceedsLimit. */
export function checkPerVolumeSize(stores: Stores, projectId: string, size: number): void {
  const limit = projectLimit(cachedQuota(stores, projectId, 'volume'), defaultLimits(stores, 'volume'), 'per_volume_gigabytes');
  if (limit !== UNLIMITED && size > limit) throw quotaError('VolumeSizeExceedsLimit', `Requested volume size ${size}G is larger than maximum allowed limit ${limit}G.`);
}

/** Claims (or, for the same key, grows) what the holder holds; over quota writes nothing and is Cinder's 413. */
export async function claimVolumeQuota(stores: Stores, projectId: string, req: ClaimRequest): Promise<void> {
  const overages = await quotasOf(stores).claim(projectId, 'volume', req);
  if (overages.length) throw overLimitError(overages[0]);
}

export async function releaseVolumeQuota(stores: Stores, projectId: string, keys: string[]): Promise<void> {
  const quotas = quotasOf(stores);
  for (const key of keys) await quotas.release(projectId, 'volume', key);
}

/** Claims, then writes; the claim is given back if the write fails. */
export async function withVolumeQuota<T>(stores: Stores, projectId: string, req: ClaimRequest, write: () => Promise<T>): Promise<T> {
  await claimVolumeQuota(stores, projectId, req);
  try {
    return await write();
  } catch (err) {
    await releaseVolumeQuota(stores, projectId, [req.key]).catch(() => undefined);
    throw err;
  }
}
