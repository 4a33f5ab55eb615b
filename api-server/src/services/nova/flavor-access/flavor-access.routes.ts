// GET /flavors/{id}/os-flavor-access and POST /flavors/{id}/action (addTenantAccess,
// removeTenantAccess): admin only, as Nova's os-flavor-access policies default to.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { flavorActionHandler, listFlavorAccessHandler } from './flavor-access.handlers.js';
import { flavorAccessResponse, flavorActionBody } from './flavor-access.schema.js';

export function flavorAccessRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({ method: 'get', path: '/v2.1/flavors/:flavorId/os-flavor-access', policy: 'admin', body: null, query: noQuery, response: flavorAccessResponse, successStatus: 200, expectedErrors: [404], handler: listFlavorAccessHandler(stores) }),
    defineRoute({ method: 'post', path: '/v2.1/flavors/:flavorId/action', policy: 'admin', body: flavorActionBody, query: noQuery, response: flavorAccessResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: flavorActionHandler(stores) }),
  ];
}
