// The /v2.0/routers routes; policies as for networks (ownership is checked in the handlers).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createRouterBody, interfaceBody, interfaceResponse, listRoutersQuery, listRoutersResponse, routerResponse, showRouterResponse, updateRouterBody } from './routers.schema.js';
import { createRouterHandler, deleteRouterHandler, interfaceHandler, listRoutersHandler, showRouterHandler, updateRouterHandler } from './routers.handlers.js';

export function routerRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/routers/:routerId';
  const iface = { method: 'put' as const, policy: 'member' as const, body: interfaceBody, query: noQuery, response: interfaceResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409] };
  return [
    defineRoute({
      method: 'post', path: '/v2.0/routers', policy: 'member', body: createRouterBody, query: noQuery,
      response: routerResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createRouterHandler(stores),
    }),
    defineRoute({
      method: 'get', path: '/v2.0/routers', policy: 'reader', body: null, query: listRoutersQuery,
      response: listRoutersResponse, successStatus: 200, expectedErrors: [400], handler: listRoutersHandler(stores),
    }),
    defineRoute({
      method: 'get', path: item, policy: 'reader', body: null, query: listRoutersQuery,
      response: showRouterResponse, successStatus: 200, expectedErrors: [404], handler: showRouterHandler(stores),
    }),
    defineRoute({
      method: 'put', path: item, policy: 'member', body: updateRouterBody, query: noQuery,
      response: routerResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 412], handler: updateRouterHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: item, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 204, expectedErrors: [403, 404, 409, 412], handler: deleteRouterHandler(stores),
    }),
    defineRoute({ ...iface, path: `${item}/add_router_interface`, handler: interfaceHandler(stores, 'add') }),
    defineRoute({ ...iface, path: `${item}/remove_router_interface`, handler: interfaceHandler(stores, 'remove') }),
  ];
}
