// The /v2.0/floatingips routes; policies as for networks (ownership is checked in the handlers).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createFloatingIpBody, floatingIpResponse, listFloatingIpsQuery, listFloatingIpsResponse, showFloatingIpResponse, updateFloatingIpBody } from './floating-ips.schema.js';
import { createFloatingIpHandler, deleteFloatingIpHandler, listFloatingIpsHandler, showFloatingIpHandler, updateFloatingIpHandler } from './floating-ips.handlers.js';

export function floatingIpRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/floatingips/:floatingipId';
  return [
    defineRoute({
      method: 'post', path: '/v2.0/floatingips', policy: 'member', body: createFloatingIpBody, query: noQuery,
      response: floatingIpResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createFloatingIpHandler(stores),
    }),
    defineRoute({
      method: 'get', path: '/v2.0/floatingips', policy: 'reader', body: null, query: listFloatingIpsQuery,
      response: listFloatingIpsResponse, successStatus: 200, expectedErrors: [400], handler: listFloatingIpsHandler(stores),
    }),
    defineRoute({
      method: 'get', path: item, policy: 'reader', body: null, query: listFloatingIpsQuery,
      response: showFloatingIpResponse, successStatus: 200, expectedErrors: [404], handler: showFloatingIpHandler(stores),
    }),
    defineRoute({
      method: 'put', path: item, policy: 'member', body: updateFloatingIpBody, query: noQuery,
      response: floatingIpResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 412], handler: updateFloatingIpHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: item, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 204, expectedErrors: [403, 404, 412], handler: deleteFloatingIpHandler(stores),
    }),
  ];
}
