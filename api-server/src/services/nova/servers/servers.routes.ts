// The /servers routes of Nova v2.1.
import type { RouteDef } from '../../../common/route.js';
import { legacyRoute } from '../../../common/legacy-route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createServerBody, listServersQuery } from './servers.schema.js';
import {
  createServerHandler,
  deleteServerHandler,
  listServersHandler,
  showServerHandler,
} from './servers.handlers.js';

function createRoute(stores: Stores): RouteDef {
  return legacyRoute({
    method: 'post',
    path: '/v2.1/servers',
    auth: 'token',
    bodySchema: createServerBody,
    querySchema: noQuery,
    successStatus: 202,
    expectedErrors: [400, 403, 409],
    handler: createServerHandler(stores),
  });
}

export function serverRoutes(stores: Stores): RouteDef[] {
  const read = { auth: 'token' as const, bodySchema: null, successStatus: 200 };
  return [
    createRoute(stores),
    legacyRoute({
      ...read,
      method: 'get',
      path: '/v2.1/servers',
      querySchema: listServersQuery,
      expectedErrors: [400, 403],
      handler: listServersHandler(stores, false),
    }),
    legacyRoute({
      ...read,
      method: 'get',
      path: '/v2.1/servers/detail',
      querySchema: listServersQuery,
      expectedErrors: [400, 403],
      handler: listServersHandler(stores, true),
    }),
    legacyRoute({
      ...read,
      method: 'get',
      path: '/v2.1/servers/:serverId',
      querySchema: noQuery,
      expectedErrors: [404],
      handler: showServerHandler(stores),
    }),
    legacyRoute({
      method: 'delete',
      path: '/v2.1/servers/:serverId',
      auth: 'token',
      bodySchema: null,
      querySchema: noQuery,
      successStatus: 204,
      expectedErrors: [404],
      handler: deleteServerHandler(stores),
    }),
  ];
}
