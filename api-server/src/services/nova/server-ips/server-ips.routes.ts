// /servers/{id}/ips (Nova's default policy: a project reader).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listServerIpsHandler, showServerNetworkIpsHandler } from './server-ips.handlers.js';
import { listIpsResponse, networkIpsResponse } from './server-ips.schema.js';

export function serverIpsRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [404] };
  return [
    defineRoute({ ...read, path: '/v2.1/servers/:serverId/ips', response: listIpsResponse, handler: listServerIpsHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/servers/:serverId/ips/:networkLabel', response: networkIpsResponse, handler: showServerNetworkIpsHandler(stores) }),
  ];
}
