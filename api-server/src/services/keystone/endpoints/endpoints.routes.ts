// /v3/endpoints: admin only (Keystone's identity:*_endpoint defaults). The deployment's own
// endpoints are read-only (403); added ones are stored in the catalog registry.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { createEndpointBody, listEndpointsQuery, listEndpointsResponse, showEndpointResponse, updateEndpointBody } from './endpoints.schema.js';
import { createEndpointHandler, deleteEndpointHandler, listEndpointsHandler, showEndpointHandler, updateEndpointHandler } from './endpoints.handlers.js';

const item = '/v3/endpoints/:endpointId';

export function endpointRoutes(k: KeystoneDeps): RouteDef[] {
  const admin = { policy: 'admin' as const, query: noQuery };
  return [
    defineRoute({ ...admin, method: 'get', path: '/v3/endpoints', body: null, query: listEndpointsQuery, response: listEndpointsResponse, successStatus: 200, expectedErrors: [400], handler: listEndpointsHandler(k) }),
    defineRoute({ ...admin, method: 'post', path: '/v3/endpoints', body: createEndpointBody, response: showEndpointResponse, successStatus: 201, expectedErrors: [400, 409, 413], handler: createEndpointHandler(k) }),
    defineRoute({ ...admin, method: 'get', path: item, body: null, response: showEndpointResponse, successStatus: 200, expectedErrors: [404], handler: showEndpointHandler(k) }),
    defineRoute({ ...admin, method: 'patch', path: item, body: updateEndpointBody, response: showEndpointResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 413], handler: updateEndpointHandler(k) }),
    defineRoute({ ...admin, method: 'delete', path: item, body: null, response: null, successStatus: 204, expectedErrors: [403, 404, 409], handler: deleteEndpointHandler(k) }),
  ];
}
