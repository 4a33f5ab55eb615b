// Schemas of /v3/services: list filters, create and update bodies (Keystone's service schema: type
// required, 1-255 characters, name 1-255, enabled a boolean, other attributes allowed) and the
// service document.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

export const listServicesQuery = querySchema({ type: queryString, name: queryString });
export type ListServicesQuery = Static<typeof listServicesQuery>;

const serviceProps = {
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  description: Type.Optional(nullableString),
  enabled: Type.Optional(Type.Boolean()),
};
const serviceType = Type.String({ minLength: 1, maxLength: 255 });

export const createServiceBody = Type.Object({ service: Type.Object({ type: serviceType, ...serviceProps }, { additionalProperties: true }) }, { additionalProperties: true });
export type CreateServiceRequest = Static<typeof createServiceBody>['service'];

export const updateServiceBody = Type.Object({ service: Type.Object({ type: Type.Optional(serviceType), ...serviceProps }, { additionalProperties: true, minProperties: 1 }) }, { additionalProperties: true });
export type UpdateServiceRequest = Static<typeof updateServiceBody>['service'];

export const serviceSchema = responseObject({
  id: Type.String(),
  type: Type.String(),
  name: Type.String(),
  description: nullableString,
  enabled: Type.Boolean(),
  links: selfLinkSchema,
});
export type ServiceDocument = Static<typeof serviceSchema>;

export const showServiceResponse = responseObject({ service: serviceSchema });
export const listServicesResponse = keystoneCollection('services', serviceSchema);
