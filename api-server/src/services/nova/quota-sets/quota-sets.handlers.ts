// /os-quota-sets/{tenant_id}: a project's (or, with user_id, a user's) compute limits, their
// defaults, their usage (detail), and the admin's update and delete. Nova's default policies: a
// project's readers and admins show, anyone asks the defaults, admins update and delete.
import type { Static } from '@sinclair/typebox';
import type { Quota } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, forbidden } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import { UNLIMITED, type Limits } from '../../../quota/quota.defaults.js';
import { cachedQuota, updateQuota, withLimits } from '../../../quota/quota.limits.js';
import { forceOf, toLimits } from './quota-sets.mapper.js';
import type { quotaSetQuery, updateQuotaSetBody } from './quota-sets.schema.js';
import { inUseOf, limitsOf, novaDefaults, quotaSetDetailView, quotaSetResources, quotaSetView } from './quota-sets.view.js';

type ShowContext = RouteContext<undefined, Static<typeof quotaSetQuery>>;
type UpdateContext = RouteContext<Static<typeof updateQuotaSetBody>, Static<typeof quotaSetQuery>>;

/** The user_id query parameter (the last one, when repeated). */
export function userIdOf(query: Static<typeof quotaSetQuery>): string | undefined {
  const v = query.user_id;
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return last === '' ? undefined : last;
}

/** Another project's quotas are an admin's business only (Nova's policy check on the target project). */
function checkTarget(auth: AuthContext, tenantId: string, rule: string): void {
  if (!auth.isAdmin && auth.projectId !== tenantId) throw forbidden(`Policy doesn't allow os_compute_api:os-quota-sets:${rule} to be performed.`);
}

export function showQuotaSetHandler(stores: Stores) {
  return async (ctx: ShowContext): Promise<RouteResult> => {
    const { tenantId } = ctx.params;
    checkTarget(ctx.auth, tenantId, 'show');
    const limits = limitsOf(cachedQuota(stores, tenantId, 'compute'), novaDefaults(stores), userIdOf(ctx.query));
    return { body: quotaSetView(tenantId, limits, quotaSetResources(ctx.microversion)) };
  };
}

export function showQuotaSetDetailHandler(stores: Stores) {
  return async (ctx: ShowContext): Promise<RouteResult> => {
    const { tenantId } = ctx.params;
    checkTarget(ctx.auth, tenantId, 'detail');
    const userId = userIdOf(ctx.query);
    const quota = cachedQuota(stores, tenantId, 'compute');
    return { body: quotaSetDetailView(tenantId, limitsOf(quota, novaDefaults(stores), userId), inUseOf(stores, quota, userId), quotaSetResources(ctx.microversion)) };
  };
}

export function showQuotaSetDefaultsHandler(stores: Stores) {
  return async (ctx: ShowContext): Promise<RouteResult> => ({ body: quotaSetView(ctx.params.tenantId, novaDefaults(stores), quotaSetResources(ctx.microversion)) });
}

const sumOf = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Nova's settable range: a project's limit may not go below what is in use nor below what its
 * users' own limits add up to; a user's not below the user's use nor above what the project's
 * limit leaves after the other users' own limits. -1 is unlimited on either side.
 */
function settableRange(stores: Stores, quota: Quota, resource: string, userId?: string): { minimum: number; maximum: number } {
  const defaults = novaDefaults(stores);
  const users = quota.spec.userLimits ?? {};
  const userSet = (skip?: string): number[] => Object.entries(users).filter(([u]) => u !== skip).map(([, l]) => l[resource]).filter((v): v is number => v !== undefined && v >= 0);
  if (userId === undefined) return { minimum: Math.max(inUseOf(stores, quota)[resource] ?? 0, sumOf(userSet())), maximum: UNLIMITED };
  const projectMax = limitsOf(quota, defaults)[resource];
  return { minimum: inUseOf(stores, quota, userId)[resource] ?? 0, maximum: projectMax === UNLIMITED ? UNLIMITED : projectMax - sumOf(userSet(userId)) };
}

const inf = (v: number): number => (v === UNLIMITED ? Infinity : v);

function checkSettable(stores: Stores, quota: Quota, limits: Limits, userId?: string): void {
  for (const [resource, limit] of Object.entries(limits)) {
    const { minimum, maximum } = settableRange(stores, quota, resource, userId);
    if (inf(limit) < inf(minimum)) throw badRequest(`Quota limit ${limit} for ${resource} must be greater than or equal to already used and reserved ${minimum}.`);
    if (inf(limit) > inf(maximum)) throw badRequest(`Quota limit ${limit} for ${resource} must be less than or equal to ${maximum}.`);
  }
}

/** Nova's verify_project_id: the cache, else the live object (a project just made on another replica). */
async function projectExists(stores: Stores, id: string): Promise<boolean> {
  if (stores.projects.get(id)) return true;
  return (await stores.projects.update(id, undefined, () => undefined)) !== undefined;
}

export function updateQuotaSetHandler(stores: Stores) {
  return async (ctx: UpdateContext): Promise<RouteResult> => {
    const { tenantId } = ctx.params;
    if (!(await projectExists(stores, tenantId))) throw badRequest(`Project ID ${tenantId} is not a valid project.`);
    const req = ctx.body.quota_set;
    const limits = toLimits('quota_set', req, ctx.microversion, { networkRemovedAt: 'QUOTA_NETWORK_REMOVED' });
    const userId = userIdOf(ctx.query);
    const force = forceOf(req);
    const written = await updateQuota(stores, tenantId, 'compute', (quota) => {
      if (!force) checkSettable(stores, quota, limits, userId);
      return withLimits(quota, limits, { userId });
    });
    return { body: quotaSetView(undefined, limitsOf(written, novaDefaults(stores), userId), quotaSetResources(ctx.microversion)) };
  };
}

/** Back to the defaults: the project's own limits and its users' go (with user_id, that user's only). 202, as Nova. */
export function deleteQuotaSetHandler(stores: Stores) {
  return async (ctx: ShowContext): Promise<RouteResult> => {
    const userId = userIdOf(ctx.query);
    await stores.quotas.update('compute', projectNamespace(ctx.params.tenantId), (quota) => {
      if (userId !== undefined) return withLimits(quota, {}, { userId, clear: true });
      return { ...quota, spec: { ...quota.spec, limits: {}, userLimits: {} } };
    });
    return { status: 202 };
  };
}
