// Schemas of /v3/roles: the list filters, the create and update bodies (Keystone's role_create and
// role_update: a name of 1 to 255 characters with a non-space, a nullable description and
// domain_id, the immutable option; other keys are accepted and not kept), and the role document.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';

export const listRolesQuery = querySchema({ name: queryString, domain_id: queryString });
export type ListRolesQuery = Static<typeof listRolesQuery>;

const roleName = Type.String({ minLength: 1, maxLength: 255, pattern: '\\S' });
// Keystone's role options registry: only "immutable", a boolean (null clears it).
const roleOptions = Type.Object({ immutable: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])) }, { additionalProperties: false });

export const createRoleBody = Type.Object(
  {
    role: Type.Object(
      {
        name: roleName,
        description: Type.Optional(nullableString),
        domain_id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
        options: Type.Optional(roleOptions),
      },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: true },
);
export type CreateRoleBody = Static<typeof createRoleBody>;

export const updateRoleBody = Type.Object(
  {
    role: Type.Object(
      {
        id: Type.Optional(Type.String()),
        name: Type.Optional(roleName),
        description: Type.Optional(nullableString),
        domain_id: Type.Optional(nullableString),
        options: Type.Optional(roleOptions),
      },
      { additionalProperties: true, minProperties: 1 },
    ),
  },
  { additionalProperties: true },
);
export type UpdateRoleBody = Static<typeof updateRoleBody>;

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
