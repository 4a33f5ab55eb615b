// The /v2.0/ports routes; policies as for networks (attribute rules are in the handlers).
import type { RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createPortBody, createPortResponse, listPortsQuery, listPortsResponse, portResponse, showPortResponse, updatePortBody } from './ports.schema.js';
import { createPortHandler, deletePortHandler, listPortsHandler, showPortHandler, updatePortHandler } from './ports.handlers.js';

export function portRoutes(stores: Stores): RouteDef[] {
  const crud = crudRoutes({
    collection: 'ports',
    param: 'portId',
    create: { body: createPortBody, response: createPortResponse, handler: createPortHandler(stores), errors: [404, 409] },
    list: { query: listPortsQuery, response: listPortsResponse, handler: listPortsHandler(stores) },
    show: { response: showPortResponse, handler: showPortHandler(stores) },
    update: { body: updatePortBody, response: portResponse, handler: updatePortHandler(stores), errors: [409] },
    remove: { handler: deletePortHandler(stores), errors: [409, 412] },
  });
  return crud;
}
