// Cinder's checks on a quota set or quota class update: every key must be a resource Cinder
// counts ("Bad key(s) in quota set"), every value an integer from -1 (validate_integer), and,
// with skip_validation false, no limit below what is already in use.
import type { Quota } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { UNLIMITED, type Limits } from '../../../quota/quota.defaults.js';
import { usageOf } from '../../../quota/quota.ledger.js';

/** The largest limit Cinder's database column takes. */
const MAX_INT = 2147483647;
/** Keys a client may send beside the limits, which Cinder ignores (NON_QUOTA_KEYS). */
const NON_QUOTA_KEYS = ['tenant_id', 'id', 'skip_validation'];

function integerValue(key: string, raw: unknown): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value)) throw badRequest(`${key} must be an integer.`);
  if (value < UNLIMITED) throw badRequest(`${key} must be >= ${UNLIMITED}`);
  if (value > MAX_INT) throw badRequest(`${key} must be <= ${MAX_INT}`);
  return value;
}

/** The limits asked for, each a known resource with an integer value. */
export function parseQuotaValues(body: Record<string, unknown>, known: string[], what: 'quota set' | 'quota class set'): Limits {
  const keys = Object.keys(body).filter((k) => !NON_QUOTA_KEYS.includes(k));
  const bad = keys.filter((k) => !known.includes(k));
  if (bad.length) throw badRequest(`Bad key(s) in ${what}: ${bad.join(',')}`);
  return Object.fromEntries(keys.map((k) => [k, integerValue(k, body[k])]));
}

/** Cinder's _validate_existing_resource: unless unlimited, a limit may not go below what is used (per_volume_gigabytes is no sum). */
export function checkNotBelowUsage(quota: Quota, limits: Limits): void {
  const used = usageOf(quota);
  for (const [key, limit] of Object.entries(limits)) {
    if (key === 'per_volume_gigabytes' || limit === UNLIMITED) continue;
    const inUse = used[key] ?? 0;
    if (limit < inUse) throw badRequest(`Quota ${key} limit must be equal or greater than existing resources. Current usage is ${inUse} and the requested limit is ${limit}.`);
  }
}
