// /v3/services: admin only (Keystone's identity:*_service defaults). The deployment's own services
// are read-only (403); added ones are stored in the catalog registry.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { createServiceBody, listServicesQuery, listServicesResponse, showServiceResponse, updateServiceBody } from './services.schema.js';
import { createServiceHandler, deleteServiceHandler, listServicesHandler, showServiceHandler, updateServiceHandler } from './services.handlers.js';

const item = '/v3/services/:serviceId';

export function serviceRoutes(k: KeystoneDeps): RouteDef[] {
  const admin = { policy: 'admin' as const, query: noQuery };
  return [
    defineRoute({ ...admin, method: 'get', path: '/v3/services', body: null, query: listServicesQuery, response: listServicesResponse, successStatus: 200, expectedErrors: [400], handler: listServicesHandler(k) }),
    defineRoute({ ...admin, method: 'post', path: '/v3/services', body: createServiceBody, response: showServiceResponse, successStatus: 201, expectedErrors: [400, 409, 413], handler: createServiceHandler(k) }),
    defineRoute({ ...admin, method: 'get', path: item, body: null, response: showServiceResponse, successStatus: 200, expectedErrors: [404], handler: showServiceHandler(k) }),
    defineRoute({ ...admin, method: 'patch', path: item, body: updateServiceBody, response: showServiceResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 413], handler: updateServiceHandler(k) }),
    defineRoute({ ...admin, method: 'delete', path: item, body: null, response: null, successStatus: 204, expectedErrors: [403, 404, 409], handler: deleteServiceHandler(k) }),
  ];
}
