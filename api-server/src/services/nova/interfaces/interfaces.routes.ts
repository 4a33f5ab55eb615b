// /servers/{id}/os-interface (Nova's default policies: reading needs a reader, attaching and
// detaching a member).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { attachInterfaceHandler, detachInterfaceHandler, listInterfacesHandler, showInterfaceHandler } from './interfaces.handlers.js';
import { attachInterfaceBody, interfaceResponse, listInterfacesResponse } from './interfaces.schema.js';

export function interfaceRoutes(stores: Stores): RouteDef[] {
  const base = '/v2.1/servers/:serverId/os-interface';
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [404] };
  return [
    defineRoute({ ...read, path: base, response: listInterfacesResponse, handler: listInterfacesHandler(stores) }),
    defineRoute({ ...read, path: `${base}/:portId`, response: interfaceResponse, handler: showInterfaceHandler(stores) }),
    defineRoute({
      method: 'post', path: base, policy: 'member', body: attachInterfaceBody, query: noQuery,
      response: interfaceResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409], handler: attachInterfaceHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: `${base}/:portId`, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 202, expectedErrors: [403, 404, 409], handler: detachInterfaceHandler(stores),
    }),
  ];
}
