// Keystone's grant routes, one set per shape (grants.shapes.ts): /v3/projects|domains/{id}/
// users|groups/{id}/roles[/{role}], the OS-INHERIT .../inherited_to_projects ones and
// /v3/system/users|groups/{id}/roles[/{role}]. Admin only, as Keystone's identity:create_grant,
// check_grant, revoke_grant, list_grants and the system grant rules without domain managers or
// system readers.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listRolesResponse } from '../roles/roles.schema.js';
import { GRANT_SHAPES, grantListPath, grantPath, hasListRoute, type GrantShape } from './grants.shapes.js';
import { checkGrantHandler, createGrantHandler, listGrantsHandler, revokeGrantHandler } from './grants.handlers.js';

function shapeRoutes(stores: Stores, shape: GrantShape): RouteDef[] {
  const one = { path: grantPath(shape), policy: 'admin' as const, body: null, query: noQuery, response: null, successStatus: 204 };
  const routes = [
    // 403: a domain-specific role outside its domain; 400: one on the system.
    defineRoute({ ...one, method: 'put', expectedErrors: [400, 403, 404], handler: createGrantHandler(stores, shape) }),
    // HEAD before GET: both check, both 204, as Keystone.
    defineRoute({ ...one, method: 'head', expectedErrors: [404], handler: checkGrantHandler(stores, shape) }),
    defineRoute({ ...one, method: 'get', expectedErrors: [404], handler: checkGrantHandler(stores, shape) }),
    defineRoute({ ...one, method: 'delete', expectedErrors: [404], handler: revokeGrantHandler(stores, shape) }),
  ];
  if (!hasListRoute(shape)) return routes;
  const list = defineRoute({
    method: 'get',
    path: grantListPath(shape),
    policy: 'admin',
    body: null,
    query: noQuery,
    response: listRolesResponse,
    successStatus: 200,
    expectedErrors: [404],
    handler: listGrantsHandler(stores, shape),
  });
  return [...routes, list];
}

export function grantRoutes(stores: Stores): RouteDef[] {
  return GRANT_SHAPES.flatMap((shape) => shapeRoutes(stores, shape));
}
