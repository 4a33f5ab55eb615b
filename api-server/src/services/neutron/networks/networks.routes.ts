// The /v2.0/networks routes. Policies are Neutron's defaults: reading needs a reader, writing a
// member (finer rules, such as shared and provider:* being an admin's, are in the handlers).
import type { RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createNetworkBody, listNetworksQuery, listNetworksResponse, networkResponse, showNetworkResponse, updateNetworkBody } from './networks.schema.js';
import { createNetworkHandler, deleteNetworkHandler, listNetworksHandler, showNetworkHandler, updateNetworkHandler } from './networks.handlers.js';

export function networkRoutes(stores: Stores): RouteDef[] {
  const crud = crudRoutes({
    collection: 'networks',
    param: 'networkId',
    create: { body: createNetworkBody, response: networkResponse, handler: createNetworkHandler(stores), errors: [409] },
    list: { query: listNetworksQuery, response: listNetworksResponse, handler: listNetworksHandler(stores) },
    show: { response: showNetworkResponse, handler: showNetworkHandler(stores) },
    update: { body: updateNetworkBody, response: networkResponse, handler: updateNetworkHandler(stores) },
    remove: { handler: deleteNetworkHandler(stores), errors: [409, 412] },
  });
  return crud;
}
