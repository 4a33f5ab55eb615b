// Flavor create, delete and (2.55) description update, admin only as Nova's os-flavor-manage
// policies. The id is the CR's name, so a duplicate id is the apiserver's AlreadyExists (409); a
// duplicate name is checked against the cache, as admins rarely race on flavor names. A flavor
// servers still use is only marked deleted (gone for the API, kept for the operator to boot them).
import type { Flavor } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { atLeast } from '../../../common/microversion.js';
import { flavorView } from '../flavors/flavors.view.js';
import { toFlavor } from './flavor-manage.mapper.js';
import type { createFlavorBody, UpdateFlavorBody } from './flavor-manage.schema.js';
import type { Static } from '@sinclair/typebox';

/** A live flavor by id, for an admin (deleted ones are gone). */
export function liveFlavor(stores: Stores, id: string): Flavor {
  const flavor = stores.flavors.get(id);
  if (!flavor || flavor.spec.deleted) throw notFound(`Flavor ${id} could not be found.`);
  return flavor;
}

const answer = (ctx: Pick<RouteContext, 'baseUrl' | 'microversion' | 'auth'>, f: Flavor): RouteResult => ({ status: 200, body: { flavor: flavorView(ctx.baseUrl, f, { microversion: ctx.microversion, auth: ctx.auth }) } });

export function createFlavorHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createFlavorBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.flavor;
    if (req.description !== undefined && !atLeast(ctx.microversion, '2.55')) throw badRequest("Invalid input for field/attribute flavor. Value: Additional properties are not allowed ('description' was unexpected)");
    const flavor = toFlavor(req);
    if (stores.flavors.list().some((f) => f.spec.name === req.name && !f.spec.deleted)) throw conflict(`Flavor with name ${req.name} already exists.`);
    try {
      return answer(ctx, await stores.flavors.create(flavor));
    } catch (err) {
      if (isAlreadyExists(err)) throw conflict(`Flavor with ID ${flavor.metadata.name} already exists.`);
      throw err;
    }
  };
}

const usedBy = (stores: Stores, id: string): boolean => stores.servers.list().some((s) => s.spec.flavorRef === id || s.spec.resize?.oldFlavorRef === id);

export function deleteFlavorHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const { flavorId } = ctx.params;
    liveFlavor(stores, flavorId);
    if (!usedBy(stores, flavorId)) {
      await stores.flavors.delete(flavorId);
      return { status: 202 };
    }
    const marked = await stores.flavors.update(flavorId, undefined, (cur) => ({ ...cur, spec: { ...cur.spec, deleted: true } }));
    if (!marked) throw notFound(`Flavor ${flavorId} could not be found.`);
    return { status: 202 };
  };
}

export function updateFlavorHandler(stores: Stores) {
  return async (ctx: RouteContext<UpdateFlavorBody, object>): Promise<RouteResult> => {
    const { flavorId } = ctx.params;
    liveFlavor(stores, flavorId);
    const { description } = ctx.body.flavor;
    const updated = await stores.flavors.update(flavorId, undefined, (cur) => ({ ...cur, spec: { ...cur.spec, description: description ?? undefined } }));
    if (!updated || updated.spec.deleted) throw notFound(`Flavor ${flavorId} could not be found.`);
    return answer(ctx, updated);
  };
}
