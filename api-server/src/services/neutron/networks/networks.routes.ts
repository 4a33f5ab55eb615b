// The /v2.0/networks routes. Policies are Neutron's defaults: reading needs a reader, writing a
// member (finer rules, such as shared and provider:* being an admin's, are in the handlers).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import {
  createNetworkBody,
  listNetworksQuery,
  listNetworksResponse,
  networkResponse,
  showNetworkResponse,
  updateNetworkBody,
} from './networks.schema.js';
import { createNetworkHandler, deleteNetworkHandler, listNetworksHandler, showNetworkHandler, updateNetworkHandler } from './networks.handlers.js';

export function networkRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/networks/:networkId';
  return [
    defineRoute({
      method: 'post', path: '/v2.0/networks', policy: 'member', body: createNetworkBody, query: noQuery,
      response: networkResponse, successStatus: 201, expectedErrors: [400, 403, 409], handler: createNetworkHandler(stores),
    }),
    defineRoute({
      method: 'get', path: '/v2.0/networks', policy: 'reader', body: null, query: listNetworksQuery,
      response: listNetworksResponse, successStatus: 200, expectedErrors: [400], handler: listNetworksHandler(stores),
    }),
    defineRoute({
      method: 'get', path: item, policy: 'reader', body: null, query: listNetworksQuery,
      response: showNetworkResponse, successStatus: 200, expectedErrors: [404], handler: showNetworkHandler(stores),
    }),
    defineRoute({
      method: 'put', path: item, policy: 'member', body: updateNetworkBody, query: noQuery,
      response: networkResponse, successStatus: 200, expectedErrors: [400, 403, 404, 412], handler: updateNetworkHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: item, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 204, expectedErrors: [403, 404, 409, 412], handler: deleteNetworkHandler(stores),
    }),
  ];
}
