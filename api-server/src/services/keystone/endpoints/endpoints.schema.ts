// Schemas of /v3/endpoints: list filters, create and update bodies (Keystone's endpoint schema:
// interface public, internal or admin; service_id and url required at create; region_id, or the
// legacy region, which creates the region when it does not exist; enabled a boolean, never the
// string "True") and the endpoint document.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

export const listEndpointsQuery = querySchema({ service_id: queryString, interface: queryString, region_id: queryString });
export type ListEndpointsQuery = Static<typeof listEndpointsQuery>;

const endpointInterface = Type.Union([Type.Literal('public'), Type.Literal('internal'), Type.Literal('admin')]);
// A scheme, a colon and no whitespace: Keystone's URL check, loose enough for $(project_id)s templates.
const endpointUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S+$' });
const endpointProps = {
  region_id: Type.Optional(nullableString),
  region: Type.Optional(nullableString),
  enabled: Type.Optional(Type.Boolean()),
};

export const createEndpointBody = Type.Object({
  endpoint: Type.Object({ interface: endpointInterface, service_id: Type.String({ minLength: 1 }), url: endpointUrl, ...endpointProps }, { additionalProperties: true }),
}, { additionalProperties: true });
export type CreateEndpointRequest = Static<typeof createEndpointBody>['endpoint'];

export const updateEndpointBody = Type.Object({
  endpoint: Type.Object({
    interface: Type.Optional(endpointInterface), service_id: Type.Optional(Type.String({ minLength: 1 })), url: Type.Optional(endpointUrl), ...endpointProps,
  }, { additionalProperties: true, minProperties: 1 }),
}, { additionalProperties: true });
export type UpdateEndpointRequest = Static<typeof updateEndpointBody>['endpoint'];

export const endpointSchema = responseObject({
  id: Type.String(),
  interface: Type.String(),
  region_id: nullableString,
  region: nullableString,
  // Keystone's template: $(project_id)s stands for the token's project.
  url: Type.String(),
  service_id: Type.String(),
  enabled: Type.Boolean(),
  links: selfLinkSchema,
});
export type EndpointDocument = Static<typeof endpointSchema>;

export const showEndpointResponse = responseObject({ endpoint: endpointSchema });
export const listEndpointsResponse = keystoneCollection('endpoints', endpointSchema);
