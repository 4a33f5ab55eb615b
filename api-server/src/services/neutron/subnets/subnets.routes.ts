// The /v2.0/subnets routes; policies as for networks (the network-owner rule is in the handlers).
import type { RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createSubnetBody, listSubnetsQuery, listSubnetsResponse, showSubnetResponse, subnetResponse, updateSubnetBody } from './subnets.schema.js';
import { createSubnetHandler, deleteSubnetHandler, listSubnetsHandler, showSubnetHandler, updateSubnetHandler } from './subnets.handlers.js';

export function subnetRoutes(stores: Stores): RouteDef[] {
  const crud = crudRoutes({
    collection: 'subnets',
    param: 'subnetId',
    create: { body: createSubnetBody, response: subnetResponse, handler: createSubnetHandler(stores), errors: [404, 409] },
    list: { query: listSubnetsQuery, response: listSubnetsResponse, handler: listSubnetsHandler(stores) },
    show: { response: showSubnetResponse, handler: showSubnetHandler(stores) },
    update: { body: updateSubnetBody, response: subnetResponse, handler: updateSubnetHandler(stores), errors: [409] },
    remove: { handler: deleteSubnetHandler(stores), errors: [409, 412] },
  });
  return crud;
}
