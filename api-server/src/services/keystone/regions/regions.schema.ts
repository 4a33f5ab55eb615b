// Schemas of /v3/regions: the list filter, create (POST, or PUT with the id in the path) and update
// bodies (Keystone's region schema: id, description and parent_region_id, other attributes
// allowed) and the region document.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

export const listRegionsQuery = querySchema({ parent_region_id: queryString });
export type ListRegionsQuery = Static<typeof listRegionsQuery>;

const regionProps = {
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  description: Type.Optional(nullableString),
  parent_region_id: Type.Optional(nullableString),
};

export const createRegionBody = Type.Object({ region: Type.Object(regionProps, { additionalProperties: true }) }, { additionalProperties: true });
export type CreateRegionRequest = Static<typeof createRegionBody>['region'];

export const updateRegionBody = Type.Object({ region: Type.Object(regionProps, { additionalProperties: true, minProperties: 1 }) }, { additionalProperties: true });
export type UpdateRegionRequest = Static<typeof updateRegionBody>['region'];

export const regionSchema = responseObject({
  id: Type.String(),
  description: Type.String(),
  parent_region_id: nullableString,
  links: selfLinkSchema,
});
export type RegionDocument = Static<typeof regionSchema>;

export const showRegionResponse = responseObject({ region: regionSchema });
export const listRegionsResponse = keystoneCollection('regions', regionSchema);
