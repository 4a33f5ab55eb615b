// A private flavor's access list (spec.accessProjects), admin only as Nova's os-flavor-access
// policies: listing it (a public flavor has none: 404), and granting or revoking a project, each
// on the live Flavor inside a resourceVersion-guarded update, so concurrent grants never lose one.
import type { Flavor } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { liveFlavor } from '../flavor-manage/flavor-manage.handlers.js';
import type { FlavorActionBody } from './flavor-access.schema.js';

function accessView(f: Flavor): RouteResult {
  return { status: 200, body: { flavor_access: (f.spec.accessProjects ?? []).map((p) => ({ flavor_id: f.metadata.name, tenant_id: p })) } };
}

export function listFlavorAccessHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const flavor = liveFlavor(stores, ctx.params.flavorId);
    if (flavor.spec.isPublic !== false) throw notFound('Access list not available for public flavors.');
    return accessView(flavor);
  };
}

/** The new access list, or Nova's error for this grant or revocation. */
function changedAccess(f: Flavor, project: string, grant: boolean): string[] {
  const id = f.metadata.name;
  const now = f.spec.accessProjects ?? [];
  if (f.spec.isPublic !== false) throw conflict(grant ? 'Can not add access to a public flavor.' : `Flavor access not found for ${id} / ${project} combination.`);
  if (grant && now.includes(project)) throw conflict(`Flavor access already exists for flavor ${id} and project ${project} combination.`);
  if (!grant && !now.includes(project)) throw notFound(`Flavor access not found for ${id} / ${project} combination.`);
  return grant ? [...now, project] : now.filter((p) => p !== project);
}

export function flavorActionHandler(stores: Stores) {
  return async (ctx: RouteContext<FlavorActionBody, object>): Promise<RouteResult> => {
    const { flavorId } = ctx.params;
    liveFlavor(stores, flavorId);
    const grant = 'addTenantAccess' in ctx.body;
    const project = 'addTenantAccess' in ctx.body ? ctx.body.addTenantAccess.tenant : ctx.body.removeTenantAccess.tenant;
    if (grant && !stores.projects.get(project)) throw badRequest(`Project ID ${project} is not a valid project.`);
    const updated = await stores.flavors.update(flavorId, undefined, (cur) => ({ ...cur, spec: { ...cur.spec, accessProjects: changedAccess(cur, project, grant) } }));
    if (!updated || updated.spec.deleted) throw notFound(`Flavor ${flavorId} could not be found.`);
    return accessView(updated);
  };
}
