// The /servers routes of Nova v2.1.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createServerBody, listServersQuery } from './servers.schema.js';
import {
  createServerHandler,
  deleteServerHandler,
  listServersHandler,
  showServerHandler,
} from './servers.handlers.js';

export function serverRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v2.1/servers',
      auth: 'token',
      bodySchema: createServerBody,
      querySchema: noQuery,
      successStatus: 202,
      expectedErrors: [400, 403, 409],
      handler: createServerHandler(stores),
    }),
    defineRoute({
      method: 'get',
      path: '/v2.1/servers',
      auth: 'token',
      bodySchema: null,
      querySchema: listServersQuery,
      successStatus: 200,
      expectedErrors: [400, 403],
      handler: listServersHandler(stores, false),
    }),
    defineRoute({
      method: 'get',
      path: '/v2.1/servers/detail',
      auth: 'token',
      bodySchema: null,
      querySchema: listServersQuery,
      successStatus: 200,
      expectedErrors: [400, 403],
      handler: listServersHandler(stores, true),
    }),
    defineRoute({
      method: 'get',
      path: '/v2.1/servers/:serverId',
      auth: 'token',
      bodySchema: null,
      querySchema: noQuery,
      successStatus: 200,
      expectedErrors: [404],
      handler: showServerHandler(stores),
    }),
    defineRoute({
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
