// Extra specs are read through the flavor they belong to, so they are hidden exactly when it is.
import type { Stores } from '../../../deps.js';
import { notFound } from '../../../common/errors.js';
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
