// Schemas of /v3/users: the list filters, create and update bodies (Keystone's user schema: name
// 1-255, extra attributes allowed, the known user options only), the password change, and the
// user document (wire contract §1.5).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, optionsSchema, selfLinkSchema } from '../keystone.schema.js';

export const listUsersQuery = querySchema({ name: queryString, domain_id: queryString, enabled: queryString, password_expires_at: queryString });
export type ListUsersQuery = Static<typeof listUsersQuery>;

const optionalFlag = Type.Optional(Type.Union([Type.Boolean(), Type.Null()]));
/** Keystone's user options; any other key is a 400, as Keystone's schema refuses it. */
export const userOptions = Type.Object(
  {
    ignore_change_password_upon_first_use: optionalFlag,
    ignore_password_expiry: optionalFlag,
    ignore_lockout_failure_attempts: optionalFlag,
    lock_password: optionalFlag,
    multi_factor_auth_enabled: optionalFlag,
    multi_factor_auth_rules: Type.Optional(Type.Union([Type.Array(Type.Array(Type.String())), Type.Null()])),
  },
  { additionalProperties: false },
);

const userProps = {
  domain_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  password: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  default_project_id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  enabled: Type.Optional(Type.Boolean()),
  description: Type.Optional(nullableString),
  email: Type.Optional(nullableString),
  options: Type.Optional(userOptions),
};
const userName = Type.String({ minLength: 1, maxLength: 255 });

export const createUserBody = Type.Object({ user: Type.Object({ name: userName, ...userProps }, { additionalProperties: true }) }, { additionalProperties: true });
export type CreateUserRequest = Static<typeof createUserBody>['user'];

export const updateUserBody = Type.Object({ user: Type.Object({ name: Type.Optional(userName), ...userProps }, { additionalProperties: true, minProperties: 1 }) }, { additionalProperties: true });
export type UpdateUserRequest = Static<typeof updateUserBody>['user'];

export const changePasswordBody = Type.Object(
  { user: Type.Object({ password: Type.String(), original_password: Type.String() }, { additionalProperties: false }) },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof changePasswordBody>;

export const userSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  domain_id: Type.String(),
  enabled: Type.Boolean(),
  default_project_id: Type.Optional(Type.String()),
  description: Type.Optional(nullableString),
  email: Type.Optional(nullableString),
  password_expires_at: nullableString,
  options: optionsSchema,
  links: selfLinkSchema,
});
export type UserDocument = Static<typeof userSchema>;

export const showUserResponse = responseObject({ user: userSchema });
export const listUsersResponse = keystoneCollection('users', userSchema);
