// Cinder's os-quota-class-sets (the admin's): a class's limits are the QuotaClass `volume.<class>`
// over Cinder's defaults; the class "default" gives every project its defaults. An update merges
// the values given into that QuotaClass (made on first update), under its resourceVersion.
import type { QuotaClass } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { classLimits, quotaClassName, type Limits } from '../../../quota/quota.defaults.js';
import { pathProject } from '../cinder.errors.js';
import { parseQuotaValues } from '../quota-sets/quota-sets.values.js';
import { quotaSetLimits, volumeResources } from '../quota-sets/quota-sets.view.js';

const classLookup = (stores: Stores, className: string): QuotaClass | undefined => stores.quotaClasses.get(quotaClassName('volume', className));

function classView(stores: Stores, quotaClass: QuotaClass | undefined): Record<string, number> {
  return quotaSetLimits(stores, undefined, classLimits('volume', quotaClass));
}

async function mergeClassLimits(stores: Stores, className: string, limits: Limits): Promise<QuotaClass> {
  const name = quotaClassName('volume', className);
  const merge = (cur: QuotaClass): QuotaClass => ({ ...cur, spec: { ...cur.spec, limits: { ...(cur.spec.limits ?? {}), ...limits } } });
  const updated = await stores.quotaClasses.update(name, undefined, merge);
  if (updated) return updated;
  const fresh: QuotaClass = { ...typeMeta(Resources.QuotaClass), metadata: { name, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec: { service: 'volume', className, limits } };
  try {
    return await stores.quotaClasses.create(fresh);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    return (await stores.quotaClasses.update(name, undefined, merge)) ?? fresh;
  }
}

export function showQuotaClassSetHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const className = ctx.params.className;
    return { body: { quota_class_set: { id: className, ...classView(stores, classLookup(stores, className)) } } };
  };
}

export function updateQuotaClassSetHandler(stores: Stores) {
  return async (ctx: RouteContext<{ quota_class_set: Record<string, number | string> }, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const limits = parseQuotaValues(ctx.body.quota_class_set, volumeResources(stores), 'quota class set');
    const written = await mergeClassLimits(stores, ctx.params.className, limits);
    return { body: { quota_class_set: classView(stores, written) } };
  };
}
