// Flavor extra specs, read-only for now (the SDK lists them for every flavor at 2.1). Nova's
// os-flavor-extra-specs:index and :show default to PROJECT_READER_OR_ADMIN.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listFlavorExtraSpecsResponse, showFlavorExtraSpecResponse } from './flavor-extra-specs.schema.js';
import { listFlavorExtraSpecsHandler, showFlavorExtraSpecHandler } from './flavor-extra-specs.handlers.js';

export function flavorExtraSpecRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [404] };
  return [
    defineRoute({ ...read, path: '/v2.1/flavors/:flavorId/os-extra_specs', response: listFlavorExtraSpecsResponse, handler: listFlavorExtraSpecsHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/flavors/:flavorId/os-extra_specs/:key', response: showFlavorExtraSpecResponse, handler: showFlavorExtraSpecHandler(stores) }),
  ];
}
