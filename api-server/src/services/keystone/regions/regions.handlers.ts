// /v3/regions: the deployment's own region (the API server's --region, top level) and those added.
// Writes go to the catalog registry in one transaction with Keystone's rules (regions.rules.ts).
import type { RouteContext } from '../../../common/route.js';
import { badRequest } from '../../../common/errors.js';
import { allRegions, fixedEntry, isFixedEntry } from '../catalog.js';
import { newCatalogId, type RegionRecord } from '../catalog-registry/catalog-registry.js';
import { catalogOf, changeCatalog } from '../catalog-registry/catalog-state.js';
import { collectionLinks, matchesQuery } from '../collection.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { toRegionRecord, updatedRegionRecord } from './regions.mapper.js';
import { checkParentRegion, checkRegionUnused, duplicateRegion, findRegion, regionSubtree } from './regions.rules.js';
import type { CreateRegionRequest, ListRegionsQuery, UpdateRegionRequest } from './regions.schema.js';
import { regionListView, regionView } from './regions.view.js';

type RegionBody<T> = { region: T };

export function listRegionsHandler(k: KeystoneDeps): Handler<undefined, ListRegionsQuery> {
  return async (ctx) => {
    const regions = allRegions(await catalogOf(k, ctx)).filter((r) => matchesQuery(ctx.query.parent_region_id, r.parentRegionId));
    return { body: regionListView(ctx.baseUrl, collectionLinks(ctx), regions) };
  };
}

export function showRegionHandler(k: KeystoneDeps): Handler {
  return async (ctx) => ({ body: { region: regionView(ctx.baseUrl, findRegion(await catalogOf(k, ctx), ctx.params.regionId)) } });
}

/** Adds a region with the given id (else a new one), checking it is new and its parent exists. */
export async function addRegion<B, Q>(k: KeystoneDeps, ctx: RouteContext<B, Q>, body: CreateRegionRequest, id = body.id ?? newCatalogId()): Promise<RegionRecord> {
  const made = toRegionRecord(id, body);
  await changeCatalog(k, ctx, (state) => {
    if (allRegions(state).some((r) => r.id === id)) throw duplicateRegion(id);
    checkParentRegion(state, id, made.parentRegionId);
    state.added.regions.push(made);
  });
  return made;
}

export function createRegionHandler(k: KeystoneDeps): Handler<RegionBody<CreateRegionRequest>> {
  return async (ctx) => ({ status: 201, body: { region: regionView(ctx.baseUrl, await addRegion(k, ctx, ctx.body.region)) } });
}

/** PUT /v3/regions/{id}: a create with the id chosen by the caller; an id in the body must agree. */
export function putRegionHandler(k: KeystoneDeps): Handler<RegionBody<CreateRegionRequest>> {
  return async (ctx) => {
    const { regionId } = ctx.params;
    if (ctx.body.region.id !== undefined && ctx.body.region.id !== regionId) throw badRequest(`Conflicting region IDs specified: "${ctx.body.region.id}" != "${regionId}".`);
    return { status: 201, body: { region: regionView(ctx.baseUrl, await addRegion(k, ctx, ctx.body.region, regionId)) } };
  };
}

export function updateRegionHandler(k: KeystoneDeps): Handler<RegionBody<UpdateRegionRequest>> {
  return async (ctx) => {
    const { regionId } = ctx.params;
    if (ctx.body.region.id !== undefined && ctx.body.region.id !== regionId) throw badRequest('The region id cannot be changed.');
    let updated: RegionRecord | undefined;
    await changeCatalog(k, ctx, (state) => {
      const current = findRegion(state, regionId);
      if (isFixedEntry(state, 'region', regionId)) throw fixedEntry('update', 'region', regionId);
      updated = updatedRegionRecord(current, ctx.body.region);
      checkParentRegion(state, regionId, updated.parentRegionId);
      state.added.regions = state.added.regions.map((r) => (r.id === regionId ? updated! : r));
    });
    return { body: { region: regionView(ctx.baseUrl, updated!) } };
  };
}

export function deleteRegionHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    const { regionId } = ctx.params;
    await changeCatalog(k, ctx, (state) => {
      findRegion(state, regionId);
      if (isFixedEntry(state, 'region', regionId)) throw fixedEntry('delete', 'region', regionId);
      checkRegionUnused(state, regionId);
      const gone = new Set(regionSubtree(state, regionId));
      state.added.regions = state.added.regions.filter((r) => !gone.has(r.id));
    });
    return { status: 204 };
  };
}
