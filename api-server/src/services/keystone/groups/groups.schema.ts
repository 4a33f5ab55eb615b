// Schemas of /v3/groups: list filters, create and update bodies (Keystone's group schema: name
// 1-64, extra attributes allowed) and the group document.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';
import { resourceName } from '../domains/domains.schema.js';

export const listGroupsQuery = querySchema({ name: queryString, domain_id: queryString });
export type ListGroupsQuery = Static<typeof listGroupsQuery>;

const groupProps = {
  domain_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  description: Type.Optional(nullableString),
};

export const createGroupBody = Type.Object({ group: Type.Object({ name: resourceName, ...groupProps }, { additionalProperties: true }) }, { additionalProperties: true });
export type CreateGroupRequest = Static<typeof createGroupBody>['group'];

export const updateGroupBody = Type.Object({ group: Type.Object({ name: Type.Optional(resourceName), ...groupProps }, { additionalProperties: true, minProperties: 1 }) }, { additionalProperties: true });
export type UpdateGroupRequest = Static<typeof updateGroupBody>['group'];

export const groupSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  domain_id: Type.String(),
  description: nullableString,
  links: selfLinkSchema,
});

export const showGroupResponse = responseObject({ group: groupSchema });
export const listGroupsResponse = keystoneCollection('groups', groupSchema);
