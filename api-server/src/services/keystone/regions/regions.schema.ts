// Schemas of GET /v3/regions and /v3/regions/{region_id}.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

export const listRegionsQuery = querySchema({ parent_region_id: queryString });
export type ListRegionsQuery = Static<typeof listRegionsQuery>;

export const regionSchema = responseObject({
  id: Type.String(),
  description: Type.String(),
  parent_region_id: nullableString,
  links: selfLinkSchema,
});
export type RegionDocument = Static<typeof regionSchema>;

export const showRegionResponse = responseObject({ region: regionSchema });
export const listRegionsResponse = keystoneCollection('regions', regionSchema);
