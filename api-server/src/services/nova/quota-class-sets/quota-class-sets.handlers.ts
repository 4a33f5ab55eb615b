// /os-quota-class-sets/{id}: the limits of a quota class (admins only, as Nova's default policy).
// The "default" class is what every project without limits of its own gets; a class is the
// QuotaClass object `compute.<class>`, written under its resourceVersion.
import type { Static } from '@sinclair/typebox';
import type { QuotaClass } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { quotaClassName, type Limits } from '../../../quota/quota.defaults.js';
import { toLimits } from '../quota-sets/quota-sets.mapper.js';
import type { quotaClassLimitsBody } from '../quota-sets/quota-sets.schema.js';
import { novaDefaults, quotaClassResources, quotaSetView } from '../quota-sets/quota-sets.view.js';

type ShowContext = RouteContext<undefined, object>;
type UpdateContext = RouteContext<Static<typeof quotaClassLimitsBody>, object>;

/** A class's name becomes part of an object name: Kubernetes' characters only (a clear 400 otherwise). */
const CLASS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function checkClassName(id: string): void {
  if (!CLASS_NAME.test(id) || id.length > 200) throw badRequest(`Quota class ${id} is not a valid name here: lowercase letters, digits and '-' only.`);
}

/** The class's limits over the defaults (the "default" class's over the built-in ones). */
function classView(stores: Stores, id: string): Limits {
  return { ...novaDefaults(stores), ...(stores.quotaClasses.get(quotaClassName('compute', id))?.spec.limits ?? {}) };
}

export function showQuotaClassSetHandler(stores: Stores) {
  return async (ctx: ShowContext): Promise<RouteResult> => {
    const id = ctx.params.classId;
    checkClassName(id);
    return { body: { quota_class_set: quotaSetView(id, classView(stores, id), quotaClassResources(ctx.microversion)).quota_set } };
  };
}

async function writeClass(stores: Stores, id: string, limits: Limits): Promise<void> {
  const name = quotaClassName('compute', id);
  const merge = (qc: QuotaClass): QuotaClass => ({ ...qc, spec: { ...qc.spec, limits: { ...(qc.spec.limits ?? {}), ...limits } } });
  if (await stores.quotaClasses.update(name, undefined, merge)) return;
  const fresh: QuotaClass = { ...typeMeta(Resources.QuotaClass), metadata: { name, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec: { service: 'compute', className: id, limits } };
  try {
    await stores.quotaClasses.create(fresh);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    await stores.quotaClasses.update(name, undefined, merge); // made by another request meanwhile
  }
}

export function updateQuotaClassSetHandler(stores: Stores) {
  return async (ctx: UpdateContext): Promise<RouteResult> => {
    const id = ctx.params.classId;
    checkClassName(id);
    const limits = toLimits('quota_class_set', ctx.body.quota_class_set, ctx.microversion, { networkRemovedAt: 'QUOTA_CLASS_SERVER_GROUPS' });
    await writeClass(stores, id, limits);
    return { body: { quota_class_set: quotaSetView(undefined, classView(stores, id), quotaClassResources(ctx.microversion)).quota_set } };
  };
}
