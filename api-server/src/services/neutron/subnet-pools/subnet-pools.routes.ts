// The /v2.0/subnetpools routes; policies as for networks (shared and is_default are an admin's,
// checked in the handlers).
import type { RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createSubnetPoolBody, listSubnetPoolsQuery, listSubnetPoolsResponse, showSubnetPoolResponse, subnetPoolResponse, updateSubnetPoolBody } from './subnet-pools.schema.js';
import { createSubnetPoolHandler, deleteSubnetPoolHandler, listSubnetPoolsHandler, showSubnetPoolHandler, updateSubnetPoolHandler } from './subnet-pools.handlers.js';

export function subnetPoolRoutes(stores: Stores): RouteDef[] {
  return crudRoutes({
    collection: 'subnetpools',
    param: 'subnetpoolId',
    create: { body: createSubnetPoolBody, response: subnetPoolResponse, handler: createSubnetPoolHandler(stores), errors: [409] },
    list: { query: listSubnetPoolsQuery, response: listSubnetPoolsResponse, handler: listSubnetPoolsHandler(stores) },
    show: { response: showSubnetPoolResponse, handler: showSubnetPoolHandler(stores) },
    update: { body: updateSubnetPoolBody, response: subnetPoolResponse, handler: updateSubnetPoolHandler(stores), errors: [409] },
    remove: { handler: deleteSubnetPoolHandler(stores), errors: [409, 412] },
  });
}
