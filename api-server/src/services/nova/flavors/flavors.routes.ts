// The read-only /flavors routes of Nova v2.1.
import type { Flavor } from '../../../../../crds/types.generated.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { compareBy, lastQueryValue, nextQuery, paginate, parseBoolQuery, type SortDir } from '../../../common/pagination.js';
import { noQuery, querySchema, queryInt, queryString } from '../../../common/parameter-types.js';
import { Type } from '@sinclair/typebox';
import type { RouteContext, RouteDef, RouteResult } from '../../../common/route.js';
import { legacyRoute } from '../../../common/legacy-route.js';
import type { Stores } from '../../../deps.js';
import { flavorDetail, flavorSummary } from './flavors.view.js';

const listQuery = querySchema({
  limit: queryInt,
  marker: Type.String(),
  is_public: queryString,
  minRam: queryString,
  minDisk: queryString,
  sort_key: queryString,
  sort_dir: queryString,
});

const SORT_KEYS: Record<string, (f: Flavor) => string | number> = {
  flavorid: (f) => f.metadata.name,
  id: (f) => f.metadata.name,
  name: (f) => f.spec.name,
  memory_mb: (f) => f.spec.ramMiB,
  vcpus: (f) => f.spec.vcpus,
  root_gb: (f) => f.spec.diskGiB,
};

function minFilter(raw: unknown, field: string): number {
  const v = lastQueryValue(raw);
  if (v === undefined) return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid ${field} filter [${v}]`);
  return n;
}

/** Non-admins see public flavors; admins see public by default, all with is_public=None. */
function publicFilter(ctx: RouteContext): (f: Flavor) => boolean {
  const raw = lastQueryValue(ctx.query.is_public);
  if (!ctx.auth.isAdmin) return (f) => f.spec.isPublic !== false;
  if (raw !== undefined && raw.toLowerCase() === 'none') return () => true;
  const want = parseBoolQuery(raw) ?? true;
  return (f) => (f.spec.isPublic !== false) === want;
}

function listFlavors(stores: Stores, detailed: boolean) {
  return async (ctx: RouteContext): Promise<RouteResult> => {
    const minRam = minFilter(ctx.query.minRam, 'minRam');
    const minDisk = minFilter(ctx.query.minDisk, 'minDisk');
    const isVisible = publicFilter(ctx);
    const key = SORT_KEYS[lastQueryValue(ctx.query.sort_key) ?? 'flavorid'];
    if (!key) throw badRequest('Invalid sort_key');
    const dir = (lastQueryValue(ctx.query.sort_dir) ?? 'asc') as SortDir;
    if (dir !== 'asc' && dir !== 'desc') throw badRequest('Invalid sort_dir');
    const all = stores.flavors
      .list()
      .filter((f) => isVisible(f) && f.spec.ramMiB >= minRam && f.spec.diskGiB >= minDisk)
      .sort(compareBy(key, dir));
    const page = paginate(all, (f) => f.metadata.name, { limit: lastQueryValue(ctx.query.limit), marker: lastQueryValue(ctx.query.marker) }, 1000);
    const flavors = page.items.map((f) => (detailed ? flavorDetail(ctx.baseUrl, f) : flavorSummary(ctx.baseUrl, f)));
    const path = detailed ? 'flavors/detail' : 'flavors';
    const links = page.nextMarker
      ? { flavors_links: [{ rel: 'next', href: `${ctx.baseUrl}/compute/v2.1/${path}?${nextQuery(ctx.query, page.nextMarker)}` }] }
      : {};
    return { body: { flavors, ...links } };
  };
}

function showFlavor(stores: Stores) {
  return async (ctx: RouteContext): Promise<RouteResult> => {
    const flavor = stores.flavors.get(ctx.params.flavorId);
    if (!flavor || (!ctx.auth.isAdmin && flavor.spec.isPublic === false)) {
      throw notFound(`Flavor ${ctx.params.flavorId} could not be found.`);
    }
    return { body: { flavor: flavorDetail(ctx.baseUrl, flavor) } };
  };
}

export function flavorRoutes(stores: Stores): RouteDef[] {
  const common = { auth: 'token' as const, bodySchema: null, successStatus: 200 };
  return [
    legacyRoute({ ...common, method: 'get', path: '/v2.1/flavors', querySchema: listQuery, expectedErrors: [400], handler: listFlavors(stores, false) }),
    legacyRoute({ ...common, method: 'get', path: '/v2.1/flavors/detail', querySchema: listQuery, expectedErrors: [400], handler: listFlavors(stores, true) }),
    legacyRoute({ ...common, method: 'get', path: '/v2.1/flavors/:flavorId', querySchema: noQuery, expectedErrors: [404], handler: showFlavor(stores) }),
  ];
}

/** Flavor extra specs, read-only for now (the SDK lists them for every flavor at 2.1). */
export function flavorExtraSpecRoutes(stores: Stores): RouteDef[] {
  const visibleFlavor = (ctx: RouteContext): Flavor => {
    const flavor = stores.flavors.get(ctx.params.flavorId);
    if (!flavor || (!ctx.auth.isAdmin && flavor.spec.isPublic === false)) throw notFound(`Flavor ${ctx.params.flavorId} could not be found.`);
    return flavor;
  };
  const common = { auth: 'token' as const, bodySchema: null, querySchema: noQuery, successStatus: 200, expectedErrors: [404] };
  return [
    legacyRoute({
      ...common,
      method: 'get',
      path: '/v2.1/flavors/:flavorId/os-extra_specs',
      handler: async (ctx) => ({ body: { extra_specs: visibleFlavor(ctx).spec.extraSpecs ?? {} } }),
    }),
    legacyRoute({
      ...common,
      method: 'get',
      path: '/v2.1/flavors/:flavorId/os-extra_specs/:key',
      handler: async (ctx) => {
        const specs = visibleFlavor(ctx).spec.extraSpecs ?? {};
        if (!Object.hasOwn(specs, ctx.params.key)) throw notFound(`Flavor ${ctx.params.flavorId} has no extra specs with key ${ctx.params.key}.`);
        return { body: { [ctx.params.key]: specs[ctx.params.key] } };
      },
    }),
  ];
}
