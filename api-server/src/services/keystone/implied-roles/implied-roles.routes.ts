// Keystone's implied roles: /v3/roles/{prior}/implies[/{implied}] and /v3/role_inferences, admin
// only (Keystone's identity:*_implied_role and list_role_inference_rules without system readers).
import { defineRoute, RAW_BYTES, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listImpliedRolesResponse, listRoleInferencesResponse, showImpliedRoleResponse } from './implied-roles.schema.js';
import {
  checkImpliedRoleHandler,
  createImpliedRoleHandler,
  deleteImpliedRoleHandler,
  listImpliedRolesHandler,
  listRoleInferencesHandler,
  showImpliedRoleHandler,
} from './implied-roles.handlers.js';

export function impliedRoleRoutes(stores: Stores): RouteDef[] {
  const rule = { path: '/v3/roles/:priorRoleId/implies/:impliedRoleId', policy: 'admin' as const, body: null, query: noQuery };
  return [
    // Keystone's PUT takes no body (keystoneclient sends none) yet answers the rule it made: declared
    // as a raw request, which the router does not read and the handler ignores, so no JSON is
    // demanded of it. (400 is never raised; the route meta test asks every body route to list it.)
    defineRoute({ ...rule, body: RAW_BYTES, method: 'put', response: showImpliedRoleResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createImpliedRoleHandler(stores) }),
    // HEAD before GET: Express would otherwise answer HEAD with the GET route.
    defineRoute({ ...rule, method: 'head', response: null, successStatus: 204, expectedErrors: [404], handler: checkImpliedRoleHandler(stores) }),
    defineRoute({ ...rule, method: 'get', response: showImpliedRoleResponse, successStatus: 200, expectedErrors: [404], handler: showImpliedRoleHandler(stores) }),
    defineRoute({ ...rule, method: 'delete', response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteImpliedRoleHandler(stores) }),
    defineRoute({
      method: 'get',
      path: '/v3/roles/:priorRoleId/implies',
      policy: 'admin',
      body: null,
      query: noQuery,
      response: listImpliedRolesResponse,
      successStatus: 200,
      expectedErrors: [404],
      handler: listImpliedRolesHandler(stores),
    }),
    defineRoute({
      method: 'get',
      path: '/v3/role_inferences',
      policy: 'admin',
      body: null,
      query: noQuery,
      response: listRoleInferencesResponse,
      successStatus: 200,
      expectedErrors: [],
      handler: listRoleInferencesHandler(stores),
    }),
  ];
}
