// Keystone's region rules, checked inside the catalog registry's transaction: a parent must exist
// (404), a region may not become its own ancestor (400), and a region whose subtree has endpoints
// cannot be deleted (403); deleting one deletes its child regions, as Keystone's SQL backend does.
import { ApiError, badRequest, forbidden, notFound } from '../../../common/errors.js';
import { allEndpoints, allRegions, type CatalogState } from '../catalog.js';
import type { RegionRecord } from '../catalog-registry/catalog-registry.js';

export function findRegion(state: CatalogState, id: string): RegionRecord {
  const found = allRegions(state).find((r) => r.id === id);
  if (!found) throw notFound(`Could not find region: ${id}.`);
  return found;
}

/** The region and every region below it. */
export function regionSubtree(state: CatalogState, id: string): string[] {
  const all = allRegions(state);
  const ids = [id];
  for (let i = 0; i < ids.length; i++) ids.push(...all.filter((r) => r.parentRegionId === ids[i]).map((r) => r.id));
  return ids;
}

export function checkParentRegion(state: CatalogState, regionId: string, parentId: string | null): void {
  if (parentId === null) return;
  if (!allRegions(state).some((r) => r.id === parentId)) throw notFound(`Could not find region: ${parentId}.`);
  if (regionSubtree(state, regionId).includes(parentId)) {
    throw badRequest(`The specified parent region ${parentId} would create a circular region hierarchy.`);
  }
}

export function checkRegionUnused(state: CatalogState, id: string): void {
  const subtree = new Set(regionSubtree(state, id));
  if (allEndpoints(state).some((e) => e.regionId !== null && subtree.has(e.regionId))) {
    throw forbidden(`Unable to delete region ${id} because it or its child regions have associated endpoints.`);
  }
}

export function duplicateRegion(id: string): ApiError {
  return new ApiError(409, `Conflict occurred attempting to store region - Duplicate ID, ${id}.`);
}
