// Neutron's quotas API: a project's limits, its defaults and its usage (readable by the project's
// readers and the admin; another project's is the policy's 403, as Neutron's get_quota), the
// admin's list of projects with limits of their own, update and reset. The limits live in the
// project's `network` Quota object beside the claims, written under its resourceVersion.
import type { Quota } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { projectNamespace } from '../../../../../crds/naming.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { UNLIMITED, type Limits } from '../../../quota/quota.defaults.js';
import { usageOf } from '../../../quota/quota.ledger.js';
import { cachedQuota, defaultLimits, updateQuota, withLimits } from '../../../quota/quota.limits.js';
import { neutronBadRequest, neutronNotFound, policyNotAuthorized, toBool } from '../neutron.errors.js';
import { NETWORK_RESOURCES } from './quotas.admission.js';
import type { UpdateQuotaRequest } from './quotas.schema.js';
import { projectQuotaView, quotaDetailsView, quotaLimitsView } from './quotas.view.js';

/** The largest limit Neutron's database column takes. */
const MAX_LIMIT = 2147483647;

/** Neutron's get_quota: the admin, or a reader of that very project. */
function checkReadable(auth: AuthContext, projectId: string): void {
  if (!auth.isAdmin && auth.projectId !== projectId) throw policyNotAuthorized('get_quota');
}

/** Neutron's convert_to_int and its range check on each value given. */
export function parseLimits(req: UpdateQuotaRequest): Limits {
  const limits: Limits = {};
  for (const resource of NETWORK_RESOURCES) {
    const raw = req[resource];
    if (raw === undefined) continue;
    const value = typeof raw === 'number' ? raw : /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value)) throw neutronBadRequest(`Invalid input for operation: '${raw}' is not an integer.`);
    if (value < UNLIMITED || value > MAX_LIMIT) throw neutronBadRequest(`Invalid input for ${resource}. Reason: '${raw}' is not in range -1 through ${MAX_LIMIT}.`);
    limits[resource] = value;
  }
  return limits;
}

/** quota-check-limit: with check_limit, no new limit may be below what the project already uses. */
function checkAboveUsage(quota: Quota, limits: Limits): void {
  const used = usageOf(quota);
  for (const [resource, limit] of Object.entries(limits)) {
    if (limit !== UNLIMITED && limit < (used[resource] ?? 0)) {
      throw neutronBadRequest(`Quota limit ${limit} for ${resource} is below its current usage ${used[resource]}.`);
    }
  }
}

function requireKnownProject(stores: Stores, projectId: string): void {
  if (!stores.projects.get(projectId)) throw neutronNotFound('ProjectNotFound', `Project ${projectId} could not be found.`);
}

async function writeLimits(stores: Stores, projectId: string, mutate: (q: Quota) => Quota): Promise<Quota> {
  requireKnownProject(stores, projectId);
  try {
    return await updateQuota(stores, projectId, 'network', mutate);
  } catch (err) {
    if (isNotFound(err)) throw projectNotReady(projectId);
    throw err;
  }
}

export function listQuotasHandler(stores: Stores) {
  return async (): Promise<RouteResult> => {
    const defaults = defaultLimits(stores, 'network');
    const own = stores.quotas.list().filter((q) => q.spec.service === 'network' && Object.keys(q.spec.limits ?? {}).length > 0);
    const projectOf = (q: Quota): string => (q.metadata.namespace ?? '').slice(projectNamespace('').length);
    return { body: { quotas: own.map((q) => projectQuotaView(projectOf(q), q, defaults)) } };
  };
}

export function showQuotaHandler(stores: Stores, what: 'limits' | 'defaults' | 'details') {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const projectId = ctx.params.projectId;
    checkReadable(ctx.auth, projectId);
    const defaults = defaultLimits(stores, 'network');
    const quota = what === 'defaults' ? undefined : cachedQuota(stores, projectId, 'network');
    return { body: { quota: what === 'details' ? quotaDetailsView(quota, defaults) : quotaLimitsView(quota, defaults) } };
  };
}

export function updateQuotaHandler(stores: Stores) {
  return async (ctx: RouteContext<{ quota: UpdateQuotaRequest }, object>): Promise<RouteResult> => {
    const req = ctx.body.quota;
    const limits = parseLimits(req);
    const checkLimit = toBool(req.check_limit) === true;
    const written = await writeLimits(stores, ctx.params.projectId, (q) => {
      if (checkLimit) checkAboveUsage(q, limits);
      return withLimits(q, limits);
    });
    return { body: { quota: quotaLimitsView(written, defaultLimits(stores, 'network')) } };
  };
}

/** Back to the defaults: the project's own limits go, its claims stay. */
export function deleteQuotaHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    await writeLimits(stores, ctx.params.projectId, (q) => withLimits(q, {}, { clear: true }));
    return { status: 204 };
  };
}
