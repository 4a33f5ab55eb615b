// Schemas of /v3/policies: Keystone's policy records (blob and type required at create, type 1-255
// characters, other attributes allowed), the type filter and the document.
import { Type, type Static } from '@sinclair/typebox';
import { querySchema, queryString, responseObject } from '../../../common/parameter-types.js';
import { keystoneCollection, selfLinkSchema } from '../keystone.schema.js';

export const listPoliciesQuery = querySchema({ type: queryString });
export type ListPoliciesQuery = Static<typeof listPoliciesQuery>;

const policyType = Type.String({ minLength: 1, maxLength: 255 });

export const createPolicyBody = Type.Object({ policy: Type.Object({ blob: Type.String(), type: policyType }, { additionalProperties: true }) }, { additionalProperties: true });
export type CreatePolicyRequest = Static<typeof createPolicyBody>['policy'];

export const updatePolicyBody = Type.Object({
  policy: Type.Object({ blob: Type.Optional(Type.String()), type: Type.Optional(policyType) }, { additionalProperties: true, minProperties: 1 }),
}, { additionalProperties: true });
export type UpdatePolicyRequest = Static<typeof updatePolicyBody>['policy'];

export const policySchema = responseObject({ id: Type.String(), blob: Type.String(), type: Type.String(), links: selfLinkSchema });
export type PolicyDocument = Static<typeof policySchema>;

export const showPolicyResponse = responseObject({ policy: policySchema });
export const listPoliciesResponse = keystoneCollection('policies', policySchema);
