// Schemas of /v3/roles: the list filters, and the role document (wire contract §1.5).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';

export const listRolesQuery = querySchema({ name: queryString, domain_id: queryString });
export type ListRolesQuery = Static<typeof listRolesQuery>;

export const roleSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  // Global roles have domain_id null; domain-specific ones name their domain.
  domain_id: nullableString,
  description: Type.Optional(nullableString),
  options: optionsSchema,
  links: selfLinkSchema,
});
export type RoleDocument = Static<typeof roleSchema>;

export const showRoleResponse = responseObject({ role: roleSchema });
export const listRolesResponse = keystoneCollection('roles', roleSchema);
