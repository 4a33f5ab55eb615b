// A region record -> Keystone's region document.
import type { Static } from '@sinclair/typebox';
import type { RegionRecord } from '../catalog-registry/catalog-registry.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listRegionsResponse, RegionDocument } from './regions.schema.js';

export function regionView(baseUrl: string, r: RegionRecord): RegionDocument {
  return { id: r.id, description: r.description, parent_region_id: r.parentRegionId, links: { self: v3Url(baseUrl, `regions/${r.id}`) } };
}

export function regionListView(baseUrl: string, links: CollectionLinks, regions: RegionRecord[]): Static<typeof listRegionsResponse> {
  return { regions: regions.map((r) => regionView(baseUrl, r)), links };
}
