// Flavor extra specs (the SDK lists them for every flavor at 2.1). Nova's
// os-flavor-extra-specs:index and :show default to PROJECT_READER_OR_ADMIN; create, update and
// delete to ADMIN.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createFlavorExtraSpecsBody, listFlavorExtraSpecsResponse, showFlavorExtraSpecResponse, updateFlavorExtraSpecBody } from './flavor-extra-specs.schema.js';
import { createFlavorExtraSpecsHandler, deleteFlavorExtraSpecHandler, listFlavorExtraSpecsHandler, showFlavorExtraSpecHandler, updateFlavorExtraSpecHandler } from './flavor-extra-specs.handlers.js';

export function flavorExtraSpecRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [404] };
  return [
    defineRoute({ ...read, path: '/v2.1/flavors/:flavorId/os-extra_specs', response: listFlavorExtraSpecsResponse, handler: listFlavorExtraSpecsHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/flavors/:flavorId/os-extra_specs/:key', response: showFlavorExtraSpecResponse, handler: showFlavorExtraSpecHandler(stores) }),
    defineRoute({ method: 'post', path: '/v2.1/flavors/:flavorId/os-extra_specs', policy: 'admin', body: createFlavorExtraSpecsBody, query: noQuery, response: listFlavorExtraSpecsResponse, successStatus: 200, expectedErrors: [400, 404], handler: createFlavorExtraSpecsHandler(stores) }),
    defineRoute({ method: 'put', path: '/v2.1/flavors/:flavorId/os-extra_specs/:key', policy: 'admin', body: updateFlavorExtraSpecBody, query: noQuery, response: showFlavorExtraSpecResponse, successStatus: 200, expectedErrors: [400, 404], handler: updateFlavorExtraSpecHandler(stores) }),
    defineRoute({ method: 'delete', path: '/v2.1/flavors/:flavorId/os-extra_specs/:key', policy: 'admin', body: null, query: noQuery, response: null, successStatus: 200, expectedErrors: [404], handler: deleteFlavorExtraSpecHandler(stores) }),
  ];
}
