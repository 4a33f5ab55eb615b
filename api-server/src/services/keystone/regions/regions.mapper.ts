// Region request bodies -> the catalog registry's region records.
import type { RegionRecord } from '../catalog-registry/catalog-registry.js';
import type { CreateRegionRequest, UpdateRegionRequest } from './regions.schema.js';

export function toRegionRecord(id: string, body: CreateRegionRequest): RegionRecord {
  return { id, description: body.description ?? '', parentRegionId: body.parent_region_id ?? null };
}

export function updatedRegionRecord(current: RegionRecord, body: UpdateRegionRequest): RegionRecord {
  return {
    ...current,
    ...(body.description !== undefined ? { description: body.description ?? '' } : {}),
    ...(body.parent_region_id !== undefined ? { parentRegionId: body.parent_region_id } : {}),
  };
}
