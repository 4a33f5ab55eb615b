// Schemas of /v3/users/{user_id}/application_credentials, after Keystone's
// application_credential_create schema and api-ref. The top-level key is optional as in Keystone
// (which reads body.get('application_credential', {})), so that an absent one is the 400 of a
// missing name, after the owner check.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject, strictObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

const roleRef = strictObject({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  domain_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
});

const accessRule = Type.Object({
  id: Type.Optional(Type.String()),
  path: Type.Optional(Type.String()),
  method: Type.Optional(Type.String()),
  service: Type.Optional(Type.String()),
});

export const applicationCredentialFields = strictObject({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 65535 }), Type.Null()])),
  secret: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 4096 }), Type.Null()])),
  expires_at: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  roles: Type.Optional(Type.Array(roleRef)),
  unrestricted: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  // Accepted by the schema so that the refusal can say why (see application-credentials.mapper.ts).
  access_rules: Type.Optional(Type.Array(accessRule)),
});
export type ApplicationCredentialFields = Static<typeof applicationCredentialFields>;

export const createApplicationCredentialBody = strictObject({ application_credential: Type.Optional(Type.Unknown()) });
export type CreateApplicationCredentialBody = Static<typeof createApplicationCredentialBody>;

export const listApplicationCredentialsQuery = querySchema({ name: queryString });
export type ListApplicationCredentialsQuery = Static<typeof listApplicationCredentialsQuery>;

const roleSchema = responseObject({ id: Type.String(), name: Type.String(), domain_id: nullableString });

export const applicationCredentialSchema = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: nullableString,
  user_id: Type.String(),
  project_id: Type.String(),
  system: Type.Null(),
  // Keystone's %Y-%m-%dT%H:%M:%S.%f, no zone (UTC), or null for a credential that never expires.
  expires_at: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}$' }), Type.Null()]),
  unrestricted: Type.Boolean(),
  roles: Type.Array(roleSchema),
  access_rules: Type.Array(Type.Unknown(), { maxItems: 0 }),
  links: selfLinkSchema,
});
export type ApplicationCredentialDocument = Static<typeof applicationCredentialSchema>;

/** The create answer is the only one with the secret. */
export const createApplicationCredentialResponse = responseObject({
  application_credential: Type.Intersect([applicationCredentialSchema, responseObject({ secret: Type.String() })]),
});
export const showApplicationCredentialResponse = responseObject({ application_credential: applicationCredentialSchema });
export const listApplicationCredentialsResponse = keystoneCollection('application_credentials', applicationCredentialSchema);
