// Schemas of /v3/users: the list filters, and the user document (wire contract §1.5).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';

export const listUsersQuery = querySchema({ name: queryString, domain_id: queryString, enabled: queryString });
export type ListUsersQuery = Static<typeof listUsersQuery>;

export const userSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  domain_id: Type.String(),
  enabled: Type.Boolean(),
  default_project_id: Type.Optional(Type.String()),
  description: Type.Optional(nullableString),
  email: Type.Optional(Type.String()),
  password_expires_at: nullableString,
  options: optionsSchema,
  links: selfLinkSchema,
});
export type UserDocument = Static<typeof userSchema>;

export const showUserResponse = responseObject({ user: userSchema });
export const listUsersResponse = keystoneCollection('users', userSchema);
