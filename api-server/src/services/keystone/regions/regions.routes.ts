// /v3/regions: readable by any valid token (Keystone's identity:list_regions and get_region are
// open to all), written by admins. The deployment's own region is read-only (403).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { createRegionBody, listRegionsQuery, listRegionsResponse, showRegionResponse, updateRegionBody } from './regions.schema.js';
import { createRegionHandler, deleteRegionHandler, listRegionsHandler, putRegionHandler, showRegionHandler, updateRegionHandler } from './regions.handlers.js';

const item = '/v3/regions/:regionId';

export function regionRoutes(k: KeystoneDeps): RouteDef[] {
  const read = { method: 'get' as const, policy: 'authenticated' as const, body: null, successStatus: 200 };
  const write = { policy: 'admin' as const, query: noQuery };
  return [
    defineRoute({ ...read, path: '/v3/regions', query: listRegionsQuery, response: listRegionsResponse, expectedErrors: [400], handler: listRegionsHandler(k) }),
    defineRoute({ ...read, path: item, query: noQuery, response: showRegionResponse, expectedErrors: [404], handler: showRegionHandler(k) }),
    defineRoute({ ...write, method: 'post', path: '/v3/regions', body: createRegionBody, response: showRegionResponse, successStatus: 201, expectedErrors: [400, 404, 409, 413], handler: createRegionHandler(k) }),
    defineRoute({ ...write, method: 'put', path: item, body: createRegionBody, response: showRegionResponse, successStatus: 201, expectedErrors: [400, 404, 409, 413], handler: putRegionHandler(k) }),
    defineRoute({ ...write, method: 'patch', path: item, body: updateRegionBody, response: showRegionResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 413], handler: updateRegionHandler(k) }),
    defineRoute({ ...write, method: 'delete', path: item, body: null, response: null, successStatus: 204, expectedErrors: [403, 404, 409], handler: deleteRegionHandler(k) }),
  ];
}
