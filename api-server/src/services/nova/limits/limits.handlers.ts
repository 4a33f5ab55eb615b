// GET /limits: the caller's project's compute quotas and true usage (the sums of the claims in its
// ledger); an admin may ask another project's with tenant_id (Nova's limits:other_project policy).
import type { Static } from '@sinclair/typebox';
import type { Stores } from '../../../deps.js';
import { forbidden } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { cachedQuota } from '../../../quota/quota.limits.js';
import { inUseOf, limitsOf, novaDefaults } from '../quota-sets/quota-sets.view.js';
import { limitsView } from './limits.view.js';
import type { limitsQuery } from './limits.schema.js';

function targetProject(ctx: RouteContext<undefined, Static<typeof limitsQuery>>): string {
  const asked = Array.isArray(ctx.query.tenant_id) ? ctx.query.tenant_id[ctx.query.tenant_id.length - 1] : ctx.query.tenant_id;
  const own = ctx.auth.projectId;
  if (asked && asked !== own) {
    if (!ctx.auth.isAdmin) throw forbidden("Policy doesn't allow os_compute_api:limits:other_project to be performed.");
    return asked;
  }
  if (!own) throw forbidden('A project-scoped token is required for this request.');
  return own;
}

export function showLimitsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof limitsQuery>>): Promise<RouteResult> => {
    const quota = cachedQuota(stores, targetProject(ctx), 'compute');
    return { body: limitsView(limitsOf(quota, novaDefaults(stores)), inUseOf(stores, quota), ctx.microversion) };
  };
}
