// Schemas of /v3/OS-EP-FILTER/endpoint_groups: create and update bodies (Keystone's endpoint group
// schema: name 1-255 and filters required at create, description nullable) and the document.
import { Type, type Static } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

const groupName = Type.String({ minLength: 1, maxLength: 255 });
const filters = Type.Record(Type.String(), Type.String());

export const createEndpointGroupBody = Type.Object({
  endpoint_group: Type.Object({ name: groupName, filters, description: Type.Optional(nullableString) }, { additionalProperties: true }),
}, { additionalProperties: true });
export type CreateEndpointGroupRequest = Static<typeof createEndpointGroupBody>['endpoint_group'];

export const updateEndpointGroupBody = Type.Object({
  endpoint_group: Type.Object({ name: Type.Optional(groupName), filters: Type.Optional(filters), description: Type.Optional(nullableString) }, { additionalProperties: true, minProperties: 1 }),
}, { additionalProperties: true });
export type UpdateEndpointGroupRequest = Static<typeof updateEndpointGroupBody>['endpoint_group'];

export const endpointGroupSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: nullableString,
  filters: Type.Record(Type.String(), Type.String()),
  links: selfLinkSchema,
});
export type EndpointGroupDocument = Static<typeof endpointGroupSchema>;

export const showEndpointGroupResponse = responseObject({ endpoint_group: endpointGroupSchema });
export const listEndpointGroupsResponse = keystoneCollection('endpoint_groups', endpointGroupSchema);
