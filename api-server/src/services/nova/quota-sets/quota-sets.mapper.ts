// A quota set (or quota class set) request → the limits to write: the keys the microversion no
// longer takes are Nova's additionalProperties 400, values are integers of at least -1.
import { badRequest } from '../../../common/errors.js';
import type { Limits } from '../../../quota/quota.defaults.js';
import { refuseKeysOutsideVersion, type Change } from '../microversion.js';
import { INJECTED_FILE_RESOURCES, NETWORK_RESOURCES } from './quota-sets.view.js';
import type { QuotaSetUpdate } from './quota-sets.schema.js';

type LimitsRequest = Partial<Record<string, number | string | boolean>>;

/** Keys by the change that removes them from a request. */
function removedKeys(removers: { network: Change; injected: Change }): Partial<Record<string, Change>> {
  const byKey: [string, Change][] = [...NETWORK_RESOURCES.map((r): [string, Change] => [r, removers.network]), ...INJECTED_FILE_RESOURCES.map((r): [string, Change] => [r, removers.injected])];
  return Object.fromEntries(byKey);
}

/** The limits a request sets (force aside), each an integer. */
export function toLimits(field: string, req: LimitsRequest, mv: string | undefined, opts: { networkRemovedAt: Change }): Limits {
  refuseKeysOutsideVersion(field, req, mv, { until: removedKeys({ network: opts.networkRemovedAt, injected: 'QUOTA_INJECTED_FILES_REMOVED' }) });
  const limits: Limits = {};
  for (const [resource, value] of Object.entries(req)) {
    if (resource === 'force' || value === undefined || value === '') continue;
    const limit = Number(value);
    if (limit < -1) throw badRequest(`Quota limit ${limit} for ${resource} must be -1 or greater.`);
    limits[resource] = limit;
  }
  return limits;
}

/** Nova's bool_from_string for force. */
export function forceOf(req: QuotaSetUpdate): boolean {
  return ['true', '1', 'yes', 'on'].includes(String(req.force ?? false).toLowerCase());
}
