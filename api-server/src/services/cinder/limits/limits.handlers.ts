// GET /v3/{project_id}/limits: Cinder's absolute limits of the caller's project with what is
// truly in use (the sum of its ledger's claims); no rate limits.
import type { RouteContext, RouteResult } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { projectLimit } from '../../../quota/quota.defaults.js';
import { usageOf } from '../../../quota/quota.ledger.js';
import { cachedQuota, defaultLimits } from '../../../quota/quota.limits.js';
import { pathProject } from '../cinder.errors.js';

/** Each absolute limit's name and the resource it reports. */
const MAX_KEYS: [string, string][] = [['maxTotalVolumes', 'volumes'], ['maxTotalSnapshots', 'snapshots'], ['maxTotalVolumeGigabytes', 'gigabytes'], ['maxTotalBackups', 'backups'], ['maxTotalBackupGigabytes', 'backup_gigabytes']];
const USED_KEYS: [string, string][] = [['totalVolumesUsed', 'volumes'], ['totalGigabytesUsed', 'gigabytes'], ['totalSnapshotsUsed', 'snapshots'], ['totalBackupsUsed', 'backups'], ['totalBackupGigabytesUsed', 'backup_gigabytes']];

export function showLimitsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const projectId = pathProject(ctx.auth, ctx.params.projectId);
    const quota = cachedQuota(stores, projectId, 'volume');
    const defaults = defaultLimits(stores, 'volume');
    const used = usageOf(quota);
    const entries: [string, number][] = [...MAX_KEYS.map(([k, r]): [string, number] => [k, projectLimit(quota, defaults, r)]), ...USED_KEYS.map(([k, r]): [string, number] => [k, used[r] ?? 0])];
    const absolute = Object.fromEntries(entries);
    return { body: { limits: { rate: [], absolute } } };
  };
}
