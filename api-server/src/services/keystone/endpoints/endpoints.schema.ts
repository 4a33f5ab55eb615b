// Schemas of GET /v3/endpoints and /v3/endpoints/{endpoint_id}.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, selfLinkSchema } from '../keystone.schema.js';

export const listEndpointsQuery = querySchema({ service_id: queryString, interface: queryString, region_id: queryString });
export type ListEndpointsQuery = Static<typeof listEndpointsQuery>;

export const endpointSchema = responseObject({
  id: Type.String(),
  interface: Type.String(),
  region_id: Type.String(),
  region: Type.String(),
  // Keystone's template: $(project_id)s stands for the token's project.
  url: Type.String(),
  service_id: Type.String(),
  enabled: Type.Boolean(),
  links: selfLinkSchema,
});
export type EndpointDocument = Static<typeof endpointSchema>;

export const showEndpointResponse = responseObject({ endpoint: endpointSchema });
export const listEndpointsResponse = keystoneCollection('endpoints', endpointSchema);
