// /v3/services: read by admins (Keystone's identity:list_services and get_service); the catalog is
// fixed, so writes are refused (403) (catalog.ts#fixedCatalogWrite).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { fixedCatalogWrite } from '../catalog.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { listServicesQuery, listServicesResponse, showServiceResponse } from './services.schema.js';
import { listServicesHandler, showServiceHandler } from './services.handlers.js';

export function serviceRoutes(k: KeystoneDeps): RouteDef[] {
  const read = { method: 'get' as const, policy: 'admin' as const, body: null, successStatus: 200 };
  return [
    defineRoute({ ...read, path: '/v3/services', query: listServicesQuery, response: listServicesResponse, expectedErrors: [400], handler: listServicesHandler(k) }),
    defineRoute({ ...read, path: '/v3/services/:serviceId', query: noQuery, response: showServiceResponse, expectedErrors: [404], handler: showServiceHandler(k) }),
    fixedCatalogWrite('post', '/v3/services', 'service'),
    fixedCatalogWrite('patch', '/v3/services/:serviceId', 'service'),
    fixedCatalogWrite('delete', '/v3/services/:serviceId', 'service'),
  ];
}
