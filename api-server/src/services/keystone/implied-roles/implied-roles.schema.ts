// Schemas of Keystone's implied roles (role inference rules): one rule, a prior role's rules, and
// every rule (GET /v3/role_inferences).
import { Type } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';
import { selfLinkSchema } from '../keystone.schema.js';

/** {id, name, links: {self}}: how a prior or implied role is shown in a rule. */
export const inferenceRoleSchema = responseObject({ id: Type.String(), name: Type.String(), links: selfLinkSchema });

export const showImpliedRoleResponse = responseObject({
  role_inference: responseObject({ prior_role: inferenceRoleSchema, implies: inferenceRoleSchema }),
  links: selfLinkSchema,
});

export const listImpliedRolesResponse = responseObject({
  role_inference: responseObject({ prior_role: inferenceRoleSchema, implies: Type.Array(inferenceRoleSchema) }),
  links: selfLinkSchema,
});

export const listRoleInferencesResponse = responseObject({
  role_inferences: Type.Array(responseObject({ prior_role: inferenceRoleSchema, implies: Type.Array(inferenceRoleSchema) })),
});
