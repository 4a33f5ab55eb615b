// Schemas of GET /v3/services and /v3/services/{service_id}.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, selfLinkSchema } from '../keystone.schema.js';

export const listServicesQuery = querySchema({ type: queryString, name: queryString });
export type ListServicesQuery = Static<typeof listServicesQuery>;

export const serviceSchema = responseObject({
  id: Type.String(),
  type: Type.String(),
  name: Type.String(),
  description: Type.String(),
  enabled: Type.Boolean(),
  links: selfLinkSchema,
});
export type ServiceDocument = Static<typeof serviceSchema>;

export const showServiceResponse = responseObject({ service: serviceSchema });
export const listServicesResponse = keystoneCollection('services', serviceSchema);
