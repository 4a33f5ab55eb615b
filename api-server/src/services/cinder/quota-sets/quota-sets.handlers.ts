// Cinder's os-quota-sets: a project's limits (with ?usage=True, what is in use), its defaults,
// the admin's update (Cinder's key and value checks) and reset. Limits live in the project's
// `volume` Quota object beside the claims, written under its resourceVersion.
import type { Static } from '@sinclair/typebox';
import type { Quota } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { forbidden, notFound, projectNotReady } from '../../../common/errors.js';
import { parseBoolQuery } from '../../../common/pagination.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { cachedQuota, defaultLimits, updateQuota, withLimits } from '../../../quota/quota.limits.js';
import { pathProject } from '../cinder.errors.js';
import type { showQuotaSetQuery, UpdateQuotaSetRequest } from './quota-sets.schema.js';
import { checkNotBelowUsage, parseQuotaValues } from './quota-sets.values.js';
import { quotaSetLimits, quotaSetUsage, volumeResources } from './quota-sets.view.js';

/** volume_extension:quotas:show: the admin, or a reader of that very project. */
function checkReadable(auth: AuthContext, projectId: string): void {
  if (!auth.isAdmin && auth.projectId !== projectId) throw forbidden("Policy doesn't allow volume_extension:quotas:show to be performed.");
}

async function writeLimits(stores: Stores, projectId: string, mutate: (q: Quota) => Quota): Promise<Quota> {
  if (!stores.projects.get(projectId)) throw notFound(`Project ${projectId} could not be found.`);
  try {
    return await updateQuota(stores, projectId, 'volume', mutate);
  } catch (err) {
    if (isNotFound(err)) throw projectNotReady(projectId);
    throw err;
  }
}

export function showQuotaSetHandler(stores: Stores, defaultsOnly: boolean) {
  return async (ctx: RouteContext<undefined, Static<typeof showQuotaSetQuery>>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const target = ctx.params.tenantId;
    checkReadable(ctx.auth, target);
    const defaults = defaultLimits(stores, 'volume');
    const quota = defaultsOnly ? undefined : cachedQuota(stores, target, 'volume');
    const usage = !defaultsOnly && parseBoolQuery(ctx.query.usage) === true;
    return { body: { quota_set: { id: target, ...(usage ? quotaSetUsage(stores, quota, defaults) : quotaSetLimits(stores, quota, defaults)) } } };
  };
}

export function updateQuotaSetHandler(stores: Stores) {
  return async (ctx: RouteContext<{ quota_set: UpdateQuotaSetRequest }, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const req = ctx.body.quota_set;
    const limits = parseQuotaValues(req, volumeResources(stores), 'quota set');
    const validate = req.skip_validation !== undefined && parseBoolQuery(String(req.skip_validation)) === false;
    const written = await writeLimits(stores, ctx.params.tenantId, (q) => {
      if (validate) checkNotBelowUsage(q, limits);
      return withLimits(q, limits);
    });
    return { body: { quota_set: quotaSetLimits(stores, written, defaultLimits(stores, 'volume')) } };
  };
}

/** Back to the defaults: the project's own limits go, its claims stay. */
export function deleteQuotaSetHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    await writeLimits(stores, ctx.params.tenantId, (q) => withLimits(q, {}, { clear: true }));
    return { status: 200 };
  };
}
