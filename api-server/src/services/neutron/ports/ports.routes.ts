// The /v2.0/ports routes; policies as for networks (attribute rules are in the handlers).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createPortBody, createPortResponse, listPortsQuery, listPortsResponse, portResponse, showPortResponse, updatePortBody } from './ports.schema.js';
import { createPortHandler, deletePortHandler, listPortsHandler, showPortHandler, updatePortHandler } from './ports.handlers.js';

export function portRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/ports/:portId';
  return [
    defineRoute({
      method: 'post', path: '/v2.0/ports', policy: 'member', body: createPortBody, query: noQuery,
      response: createPortResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createPortHandler(stores),
    }),
    defineRoute({
      method: 'get', path: '/v2.0/ports', policy: 'reader', body: null, query: listPortsQuery,
      response: listPortsResponse, successStatus: 200, expectedErrors: [400], handler: listPortsHandler(stores),
    }),
    defineRoute({
      method: 'get', path: item, policy: 'reader', body: null, query: listPortsQuery,
      response: showPortResponse, successStatus: 200, expectedErrors: [404], handler: showPortHandler(stores),
    }),
    defineRoute({
      method: 'put', path: item, policy: 'member', body: updatePortBody, query: noQuery,
      response: portResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 412], handler: updatePortHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: item, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 204, expectedErrors: [403, 404, 409, 412], handler: deletePortHandler(stores),
    }),
  ];
}
