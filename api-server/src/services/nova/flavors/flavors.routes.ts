// The read-only /flavors routes of Nova v2.1. Nova checks no policy on them: any token may read.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listFlavorsDetailResponse, listFlavorsQuery, listFlavorsResponse, showFlavorResponse } from './flavors.schema.js';
import { listFlavorsDetailHandler, listFlavorsHandler, showFlavorHandler } from './flavors.handlers.js';

export function flavorRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'authenticated' as const, body: null, successStatus: 200 };
  return [
    defineRoute({ ...read, path: '/v2.1/flavors', query: listFlavorsQuery, response: listFlavorsResponse, expectedErrors: [400], handler: listFlavorsHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/flavors/detail', query: listFlavorsQuery, response: listFlavorsDetailResponse, expectedErrors: [400], handler: listFlavorsDetailHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/flavors/:flavorId', query: noQuery, response: showFlavorResponse, expectedErrors: [404], handler: showFlavorHandler(stores) }),
  ];
}
