// /v3/policies: admin only (Keystone's identity:*_policy defaults). Records only, never enforced.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { createPolicyBody, listPoliciesQuery, listPoliciesResponse, showPolicyResponse, updatePolicyBody } from './policies.schema.js';
import { createPolicyHandler, deletePolicyHandler, listPoliciesHandler, showPolicyHandler, updatePolicyHandler } from './policies.handlers.js';

const item = '/v3/policies/:policyId';

export function policyRoutes(k: KeystoneDeps): RouteDef[] {
  const admin = { policy: 'admin' as const, query: noQuery };
  return [
    defineRoute({ ...admin, method: 'get', path: '/v3/policies', body: null, query: listPoliciesQuery, response: listPoliciesResponse, successStatus: 200, expectedErrors: [400], handler: listPoliciesHandler(k) }),
    defineRoute({ ...admin, method: 'post', path: '/v3/policies', body: createPolicyBody, response: showPolicyResponse, successStatus: 201, expectedErrors: [400, 409, 413], handler: createPolicyHandler(k) }),
    defineRoute({ ...admin, method: 'get', path: item, body: null, response: showPolicyResponse, successStatus: 200, expectedErrors: [404], handler: showPolicyHandler(k) }),
    defineRoute({ ...admin, method: 'patch', path: item, body: updatePolicyBody, response: showPolicyResponse, successStatus: 200, expectedErrors: [400, 404, 409, 413], handler: updatePolicyHandler(k) }),
    defineRoute({ ...admin, method: 'delete', path: item, body: null, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deletePolicyHandler(k) }),
  ];
}
