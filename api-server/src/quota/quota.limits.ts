// Reading and writing a project's limits (os-quota-sets, Neutron's /quotas, Cinder's): the limits
// live in the same Quota object as the claims, so a write is a read-modify-write under its
// resourceVersion, like a claim, and a check against what is in use (Nova's "limit below in_use")
// is made on the live object that is written.
import type { Quota } from '../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../crds/client/client.js';
import { projectNamespace } from '../../../crds/naming.js';
import type { Stores } from '../deps.js';
import { emptyQuota } from './quota.admission.js';
import { classLimits, DEFAULT_QUOTA_CLASS, quotaClassName, type Limits, type QuotaService } from './quota.defaults.js';

/** The project's Quota object for the service as the cache has it (undefined: nothing set or claimed yet). */
export function cachedQuota(stores: Pick<Stores, 'quotas'>, projectId: string, service: QuotaService): Quota | undefined {
  return stores.quotas.get(service, projectNamespace(projectId));
}

/** The project's Quota object as the apiserver has it now (the cache may lag a claim or a release just written). */
export async function liveQuota(stores: Pick<Stores, 'quotas'>, projectId: string, service: QuotaService): Promise<Quota | undefined> {
  return (await stores.quotas.update(service, projectNamespace(projectId), () => undefined)) ?? undefined;
}

/** The defaults every project starts from: the service's, overridden by the "default" quota class. */
export function defaultLimits(stores: Pick<Stores, 'quotaClasses'>, service: QuotaService): Limits {
  return classLimits(service, stores.quotaClasses.get(quotaClassName(service, DEFAULT_QUOTA_CLASS)));
}

/**
 * Applies the mutation to the project's live Quota object (made empty first when there is none)
 * and writes it under its resourceVersion; a conflict re-reads and re-applies. The mutation may
 * throw (an ApiError) to refuse the change: nothing is written then.
 */
export async function updateQuota(stores: Pick<Stores, 'quotas'>, projectId: string, service: QuotaService, mutate: (q: Quota) => Quota | undefined): Promise<Quota> {
  const namespace = projectNamespace(projectId);
  const written = await stores.quotas.update(service, namespace, mutate);
  if (written) return written;
  try {
    await stores.quotas.create(emptyQuota(namespace, service));
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  const retried = await stores.quotas.update(service, namespace, mutate);
  if (!retried) throw new Error(`quota ${namespace}/${service} vanished while being written`);
  return retried;
}

/** The quota with these limits set (for a user: Nova's per-user limits) and, with `clear`, the others dropped. */
export function withLimits(quota: Quota, limits: Limits, opts: { userId?: string; clear?: boolean } = {}): Quota {
  const spec = { ...quota.spec };
  if (opts.userId === undefined) {
    spec.limits = { ...(opts.clear ? {} : (spec.limits ?? {})), ...limits };
  } else {
    const users = { ...(spec.userLimits ?? {}) };
    const mine = { ...(opts.clear ? {} : (users[opts.userId] ?? {})), ...limits };
    if (Object.keys(mine).length) users[opts.userId] = mine;
    else delete users[opts.userId];
    spec.userLimits = users;
  }
  return { ...quota, spec };
}
