// /v3/endpoints: read by admins (Keystone's identity:list_endpoints and get_endpoint); the catalog
// is fixed, so writes are refused (403) (catalog.ts#fixedCatalogWrite).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { fixedCatalogWrite } from '../catalog.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { listEndpointsQuery, listEndpointsResponse, showEndpointResponse } from './endpoints.schema.js';
import { listEndpointsHandler, showEndpointHandler } from './endpoints.handlers.js';

export function endpointRoutes(k: KeystoneDeps): RouteDef[] {
  const read = { method: 'get' as const, policy: 'admin' as const, body: null, successStatus: 200 };
  return [
    defineRoute({ ...read, path: '/v3/endpoints', query: listEndpointsQuery, response: listEndpointsResponse, expectedErrors: [400], handler: listEndpointsHandler(k) }),
    defineRoute({ ...read, path: '/v3/endpoints/:endpointId', query: noQuery, response: showEndpointResponse, expectedErrors: [404], handler: showEndpointHandler(k) }),
    fixedCatalogWrite('post', '/v3/endpoints', 'endpoint'),
    fixedCatalogWrite('patch', '/v3/endpoints/:endpointId', 'endpoint'),
    fixedCatalogWrite('delete', '/v3/endpoints/:endpointId', 'endpoint'),
  ];
}
