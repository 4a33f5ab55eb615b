// The /v2.0/floatingips routes; policies as for networks (ownership is checked in the handlers).
import type { RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { crudRoutes } from '../neutron.routes.js';
import { createFloatingIpBody, floatingIpResponse, listFloatingIpsQuery, listFloatingIpsResponse, showFloatingIpResponse, updateFloatingIpBody } from './floating-ips.schema.js';
import { createFloatingIpHandler, deleteFloatingIpHandler, listFloatingIpsHandler, showFloatingIpHandler, updateFloatingIpHandler } from './floating-ips.handlers.js';

export function floatingIpRoutes(stores: Stores): RouteDef[] {
  const crud = crudRoutes({
    collection: 'floatingips',
    param: 'floatingipId',
    create: { body: createFloatingIpBody, response: floatingIpResponse, handler: createFloatingIpHandler(stores), errors: [404, 409] },
    list: { query: listFloatingIpsQuery, response: listFloatingIpsResponse, handler: listFloatingIpsHandler(stores) },
    show: { response: showFloatingIpResponse, handler: showFloatingIpHandler(stores) },
    update: { body: updateFloatingIpBody, response: floatingIpResponse, handler: updateFloatingIpHandler(stores), errors: [409] },
    remove: { handler: deleteFloatingIpHandler(stores), errors: [412] },
  });
  return crud;
}
