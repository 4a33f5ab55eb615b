// The /v2.0/routers routes and the interface actions; policies as for networks (ownership is
// checked in the handlers).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createRouterBody, interfaceBody, interfaceResponse, listRoutersQuery, listRoutersResponse, routerResponse, showRouterResponse, updateRouterBody } from './routers.schema.js';
import { createRouterHandler, deleteRouterHandler, interfaceHandler, listRoutersHandler, showRouterHandler, updateRouterHandler } from './routers.handlers.js';

export function routerRoutes(stores: Stores): RouteDef[] {
  const iface = { method: 'put' as const, policy: 'member' as const, body: interfaceBody, query: noQuery, response: interfaceResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409] };
  const item = '/v2.0/routers/:routerId';
  const crud = crudRoutes({
    collection: 'routers',
    param: 'routerId',
    create: { body: createRouterBody, response: routerResponse, handler: createRouterHandler(stores), errors: [404, 409] },
    list: { query: listRoutersQuery, response: listRoutersResponse, handler: listRoutersHandler(stores) },
    show: { response: showRouterResponse, handler: showRouterHandler(stores) },
    update: { body: updateRouterBody, response: routerResponse, handler: updateRouterHandler(stores), errors: [409] },
    remove: { handler: deleteRouterHandler(stores), errors: [409, 412] },
  });
  return [
    ...crud,
    defineRoute({ ...iface, path: `${item}/add_router_interface`, handler: interfaceHandler(stores, 'add') }),
    defineRoute({ ...iface, path: `${item}/remove_router_interface`, handler: interfaceHandler(stores, 'remove') }),
  ];
}
