// Schemas of /v3/users/{user_id}/credentials/OS-EC2: the create body (the project as tenant_id) and
// Keystone's EC2 credential document.
import { Type, type Static } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, nullableString, selfLinkSchema } from '../keystone.schema.js';

// The router reads only that the body is an object: who may create for the path's user is checked
// first (403), then the handler reads tenant_id (ec2-credentials.handlers.ts#tenantOf).
export const createEc2CredentialBody = Type.Object({ tenant_id: Type.Optional(Type.Unknown()) }, { additionalProperties: true });
export type CreateEc2CredentialRequest = Static<typeof createEc2CredentialBody>;

export const ec2CredentialSchema = responseObject({
  user_id: Type.String(),
  tenant_id: nullableString,
  access: Type.String(),
  secret: Type.String(),
  trust_id: nullableString,
  links: selfLinkSchema,
});
export type Ec2CredentialDocument = Static<typeof ec2CredentialSchema>;

export const showEc2CredentialResponse = responseObject({ credential: ec2CredentialSchema });
export const listEc2CredentialsResponse = keystoneCollection('credentials', ec2CredentialSchema);
