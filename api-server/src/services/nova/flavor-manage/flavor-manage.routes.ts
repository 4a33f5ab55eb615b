// POST /flavors, DELETE /flavors/{id} and (2.55) PUT /flavors/{id}: admin only, as Nova's
// os_compute_api:os-flavor-manage:create, :delete and :update default to.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createFlavorHandler, deleteFlavorHandler, updateFlavorHandler } from './flavor-manage.handlers.js';
import { createFlavorBody, flavorResponse, updateFlavorBody } from './flavor-manage.schema.js';

export function flavorManageRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({ method: 'post', path: '/v2.1/flavors', policy: 'admin', body: createFlavorBody, query: noQuery, response: flavorResponse, successStatus: 200, expectedErrors: [400, 409], handler: createFlavorHandler(stores) }),
    defineRoute({ method: 'delete', path: '/v2.1/flavors/:flavorId', policy: 'admin', body: null, query: noQuery, response: null, successStatus: 202, expectedErrors: [404], handler: deleteFlavorHandler(stores) }),
    defineRoute({ method: 'put', path: '/v2.1/flavors/:flavorId', policy: 'admin', body: updateFlavorBody, query: noQuery, response: flavorResponse, successStatus: 200, expectedErrors: [400, 404], minVersion: '2.55', handler: updateFlavorHandler(stores) }),
  ];
}
