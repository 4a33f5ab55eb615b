// /os-services (Nova's default policy: admin only). Before 2.53 a service is named by host and
// binary in the body and the path's id names the action; from 2.53 the id is the service's uuid.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listComputeServicesHandler, updateComputeServiceHandler } from './compute-services.handlers.js';
import { listComputeServicesQuery, listComputeServicesResponse, updateComputeServiceBody, updateComputeServiceResponse } from './compute-services.schema.js';

export function computeServiceRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({ method: 'get', path: '/v2.1/os-services', policy: 'admin', body: null, query: listComputeServicesQuery, response: listComputeServicesResponse, successStatus: 200, expectedErrors: [], handler: listComputeServicesHandler(stores) }),
    defineRoute({ method: 'put', path: '/v2.1/os-services/:id', policy: 'admin', body: updateComputeServiceBody, query: noQuery, response: updateComputeServiceResponse, successStatus: 200, expectedErrors: [400, 404], handler: updateComputeServiceHandler(stores) }),
  ];
}
