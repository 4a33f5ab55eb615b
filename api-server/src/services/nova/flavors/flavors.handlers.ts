// Flavor handlers: lists through the shared list query, one flavor through the access rule.
import type { Static } from '@sinclair/typebox';
import type { Flavor } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { notFound } from '../../../common/errors.js';
import { runListQuery } from '../../../common/list-query.js';
import { nextQuery } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { nextPageLinks } from '../links.js';
import { refuseUnknownQueryKeys } from '../microversion.js';
import { flavorVisible, lookupFlavor } from './flavors.access.js';
import { flavorListSpec } from './flavors.query.js';
import type { listFlavorsQuery } from './flavors.schema.js';
import { flavorSummaryView, flavorView, type FlavorScope } from './flavors.view.js';

type ListContext = RouteContext<undefined, Static<typeof listFlavorsQuery>>;

/** Nova's flavor index_query keys (2.75 refuses any other). */
const FLAVOR_QUERY_KEYS = ['limit', 'marker', 'is_public', 'minRam', 'minDisk', 'sort_key', 'sort_dir'];

function listFlavors(stores: Stores, path: string, view: (base: string, f: Flavor, scope: FlavorScope) => object) {
  return async (ctx: ListContext): Promise<RouteResult> => {
    refuseUnknownQueryKeys(ctx.query, FLAVOR_QUERY_KEYS, ctx.microversion);
    const visible = stores.flavors.list().filter((f) => flavorVisible(f, ctx.auth));
    const page = runListQuery(flavorListSpec, visible, ctx.query, ctx.auth);
    const links = nextPageLinks(ctx.baseUrl, path, page.nextMarker && nextQuery(ctx.query, page.nextMarker));
    return { body: { flavors: page.items.map((f) => view(ctx.baseUrl, f, { microversion: ctx.microversion, auth: ctx.auth })), ...(links ? { flavors_links: links } : {}) } };
  };
}

export function listFlavorsHandler(stores: Stores): (ctx: ListContext) => Promise<RouteResult> {
  return listFlavors(stores, 'flavors', flavorSummaryView);
}

export function listFlavorsDetailHandler(stores: Stores): (ctx: ListContext) => Promise<RouteResult> {
  return listFlavors(stores, 'flavors/detail', flavorView);
}

/** The flavor a path names, or 404 when it is missing or hidden from the caller. */
export function findFlavor(stores: Stores, ctx: RouteContext<undefined, object>): Flavor {
  const flavor = lookupFlavor(stores.flavors, ctx.auth, ctx.params.flavorId);
  if (!flavor) throw notFound(`Flavor ${ctx.params.flavorId} could not be found.`);
  return flavor;
}

export function showFlavorHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => ({ body: { flavor: flavorView(ctx.baseUrl, findFlavor(stores, ctx), { microversion: ctx.microversion, auth: ctx.auth }) } });
}
