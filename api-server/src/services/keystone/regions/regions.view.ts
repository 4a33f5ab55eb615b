// The deployment's one region (the catalog's) -> Keystone's region document.
import type { Static } from '@sinclair/typebox';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listRegionsResponse, RegionDocument } from './regions.schema.js';

export function regionView(baseUrl: string, regionId: string): RegionDocument {
  return { id: regionId, description: '', parent_region_id: null, links: { self: v3Url(baseUrl, `regions/${regionId}`) } };
}

export function regionListView(baseUrl: string, links: CollectionLinks, regionIds: string[]): Static<typeof listRegionsResponse> {
  return { regions: regionIds.map((id) => regionView(baseUrl, id)), links };
}
