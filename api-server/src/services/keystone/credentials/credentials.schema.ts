// Schemas of /v3/credentials: Keystone's credential schema (blob and type required, type 1-255,
// user_id required at create, project_id nullable, other attributes allowed), the list filters and
// the document (blob as the string stored).
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

export const listCredentialsQuery = querySchema({ user_id: queryString, type: queryString });
export type ListCredentialsQuery = Static<typeof listCredentialsQuery>;

const credentialType = Type.String({ minLength: 1, maxLength: 255 });
const blob = Type.String({ maxLength: 65536 });
const ownerId = Type.String({ minLength: 1, maxLength: 64 });

export const createCredentialBody = Type.Object({
  credential: Type.Object({ blob, type: credentialType, user_id: ownerId, project_id: Type.Optional(nullableString) }, { additionalProperties: true }),
}, { additionalProperties: true });
export type CreateCredentialRequest = Static<typeof createCredentialBody>['credential'];

export const updateCredentialBody = Type.Object({
  credential: Type.Object({
    blob: Type.Optional(blob), type: Type.Optional(credentialType), user_id: Type.Optional(ownerId), project_id: Type.Optional(nullableString),
  }, { additionalProperties: true, minProperties: 1 }),
}, { additionalProperties: true });
export type UpdateCredentialRequest = Static<typeof updateCredentialBody>['credential'];

export const credentialSchema = responseObject({
  id: Type.String(),
  user_id: Type.String(),
  project_id: nullableString,
  type: Type.String(),
  blob: Type.String(),
  links: selfLinkSchema,
});
export type CredentialDocument = Static<typeof credentialSchema>;

export const showCredentialResponse = responseObject({ credential: credentialSchema });
export const listCredentialsResponse = keystoneCollection('credentials', credentialSchema);
