// The /v2.0/subnets routes; policies as for networks (the network-owner rule is in the handlers).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createSubnetBody, listSubnetsQuery, listSubnetsResponse, showSubnetResponse, subnetResponse, updateSubnetBody } from './subnets.schema.js';
import { createSubnetHandler, deleteSubnetHandler, listSubnetsHandler, showSubnetHandler, updateSubnetHandler } from './subnets.handlers.js';

export function subnetRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/subnets/:subnetId';
  return [
    defineRoute({
      method: 'post', path: '/v2.0/subnets', policy: 'member', body: createSubnetBody, query: noQuery,
      response: subnetResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createSubnetHandler(stores),
    }),
    defineRoute({
      method: 'get', path: '/v2.0/subnets', policy: 'reader', body: null, query: listSubnetsQuery,
      response: listSubnetsResponse, successStatus: 200, expectedErrors: [400], handler: listSubnetsHandler(stores),
    }),
    defineRoute({
      method: 'get', path: item, policy: 'reader', body: null, query: listSubnetsQuery,
      response: showSubnetResponse, successStatus: 200, expectedErrors: [404], handler: showSubnetHandler(stores),
    }),
    defineRoute({
      method: 'put', path: item, policy: 'member', body: updateSubnetBody, query: noQuery,
      response: subnetResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 412], handler: updateSubnetHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: item, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 204, expectedErrors: [403, 404, 409, 412], handler: deleteSubnetHandler(stores),
    }),
  ];
}
