// /v3/OS-EP-FILTER/endpoint_groups: admin only (Keystone's identity:*_endpoint_group defaults).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { createEndpointGroupBody, listEndpointGroupsResponse, showEndpointGroupResponse, updateEndpointGroupBody } from './endpoint-groups.schema.js';
import {
  checkEndpointGroupHandler, createEndpointGroupHandler, deleteEndpointGroupHandler, listEndpointGroupsHandler, showEndpointGroupHandler, updateEndpointGroupHandler,
} from './endpoint-groups.handlers.js';

const collection = '/v3/OS-EP-FILTER/endpoint_groups';
const item = `${collection}/:endpointGroupId`;

export function endpointGroupRoutes(k: KeystoneDeps): RouteDef[] {
  const admin = { policy: 'admin' as const, query: noQuery };
  return [
    defineRoute({ ...admin, method: 'get', path: collection, body: null, response: listEndpointGroupsResponse, successStatus: 200, expectedErrors: [400], handler: listEndpointGroupsHandler(k) }),
    defineRoute({ ...admin, method: 'post', path: collection, body: createEndpointGroupBody, response: showEndpointGroupResponse, successStatus: 201, expectedErrors: [400, 409, 413], handler: createEndpointGroupHandler(k) }),
    defineRoute({ ...admin, method: 'get', path: item, body: null, response: showEndpointGroupResponse, successStatus: 200, expectedErrors: [404], handler: showEndpointGroupHandler(k) }),
    defineRoute({ ...admin, method: 'head', path: item, body: null, response: null, successStatus: 200, expectedErrors: [404], handler: checkEndpointGroupHandler(k) }),
    defineRoute({ ...admin, method: 'patch', path: item, body: updateEndpointGroupBody, response: showEndpointGroupResponse, successStatus: 200, expectedErrors: [400, 404, 409, 413], handler: updateEndpointGroupHandler(k) }),
    defineRoute({ ...admin, method: 'delete', path: item, body: null, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteEndpointGroupHandler(k) }),
  ];
}
