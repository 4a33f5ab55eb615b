// /v3/regions: readable by any valid token (Keystone's identity:list_regions and get_region are
// open to all); the catalog is fixed, so writes are refused (catalog.ts#fixedCatalogWrite).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { fixedCatalogWrite } from '../catalog.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { listRegionsQuery, listRegionsResponse, showRegionResponse } from './regions.schema.js';
import { listRegionsHandler, showRegionHandler } from './regions.handlers.js';

export function regionRoutes(k: KeystoneDeps): RouteDef[] {
  const read = { method: 'get' as const, policy: 'authenticated' as const, body: null, successStatus: 200 };
  return [
    defineRoute({ ...read, path: '/v3/regions', query: listRegionsQuery, response: listRegionsResponse, expectedErrors: [400], handler: listRegionsHandler(k) }),
    defineRoute({ ...read, path: '/v3/regions/:regionId', query: noQuery, response: showRegionResponse, expectedErrors: [404], handler: showRegionHandler(k) }),
    fixedCatalogWrite('post', '/v3/regions', 'region'),
    fixedCatalogWrite('put', '/v3/regions/:regionId', 'region'),
    fixedCatalogWrite('patch', '/v3/regions/:regionId', 'region'),
    fixedCatalogWrite('delete', '/v3/regions/:regionId', 'region'),
  ];
}
