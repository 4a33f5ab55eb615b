// Extra specs are read through the flavor they belong to, so they are hidden exactly when it is.
// Admins write them (Nova's os-flavor-extra-specs create, update and delete), each change on the
// live Flavor inside a resourceVersion-guarded update.
import type { Stores } from '../../../deps.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { liveFlavor } from '../flavor-manage/flavor-manage.handlers.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { findFlavor } from '../flavors/flavors.handlers.js';
import { extraSpecsView, extraSpecView } from './flavor-extra-specs.view.js';

type Context = RouteContext<undefined, object>;

export function listFlavorExtraSpecsHandler(stores: Stores) {
  return async (ctx: Context): Promise<RouteResult> => ({ body: { extra_specs: extraSpecsView(findFlavor(stores, ctx)) } });
}

export function showFlavorExtraSpecHandler(stores: Stores) {
  return async (ctx: Context): Promise<RouteResult> => {
    const specs = extraSpecsView(findFlavor(stores, ctx));
    const { key, flavorId } = ctx.params;
    if (!Object.hasOwn(specs, key)) throw notFound(`Flavor ${flavorId} has no extra specs with key ${key}.`);
    return { body: extraSpecView(key, specs[key]) };
  };
}

/** Applies change to the live flavor's extra specs; a flavor gone meanwhile is a 404. */
async function writeSpecs(stores: Stores, flavorId: string, change: (specs: Record<string, string>) => Record<string, string>): Promise<void> {
  liveFlavor(stores, flavorId);
  const updated = await stores.flavors.update(flavorId, undefined, (cur) => ({ ...cur, spec: { ...cur.spec, extraSpecs: change({ ...(cur.spec.extraSpecs ?? {}) }) } }));
  if (!updated) throw notFound(`Flavor ${flavorId} could not be found.`);
}

const asStrings = (specs: Record<string, string | number | boolean>): Record<string, string> => Object.fromEntries(Object.entries(specs).map(([k, v]) => [k, String(v)]));

export function createFlavorExtraSpecsHandler(stores: Stores) {
  return async (ctx: RouteContext<{ extra_specs: Record<string, string | number | boolean> }, object>): Promise<RouteResult> => {
    const given = asStrings(ctx.body.extra_specs);
    await writeSpecs(stores, ctx.params.flavorId, (specs) => ({ ...specs, ...given }));
    return { status: 200, body: { extra_specs: given } };
  };
}

export function updateFlavorExtraSpecHandler(stores: Stores) {
  return async (ctx: RouteContext<Record<string, string | number | boolean>, object>): Promise<RouteResult> => {
    const { key, flavorId } = ctx.params;
    const keys = Object.keys(ctx.body);
    if (keys.length > 1) throw badRequest('Request body contains too many items');
    if (keys[0] !== key) throw badRequest('Request body and URI mismatch');
    const value = String(ctx.body[key]);
    if (value.length > 255) throw badRequest(`Invalid input for field/attribute ${key}. Value: ${value}. is too long`);
    await writeSpecs(stores, flavorId, (specs) => ({ ...specs, [key]: value }));
    return { status: 200, body: { [key]: value } };
  };
}

export function deleteFlavorExtraSpecHandler(stores: Stores) {
  return async (ctx: Context): Promise<RouteResult> => {
    const { key, flavorId } = ctx.params;
    await writeSpecs(stores, flavorId, (specs) => {
      if (!Object.hasOwn(specs, key)) throw notFound(`Flavor ${flavorId} has no extra specs with key ${key}.`);
      delete specs[key];
      return specs;
    });
    return { status: 200 };
  };
}
