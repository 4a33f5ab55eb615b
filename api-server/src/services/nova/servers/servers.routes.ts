// The /servers routes of Nova v2.1. Policies are Nova's defaults: reading needs a reader on the
// project (PROJECT_READER_OR_ADMIN), creating, updating and deleting a member (PROJECT_MEMBER_OR_ADMIN).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import {
  createServerBody,
  createServerResponse,
  listServersDetailResponse,
  listServersQuery,
  listServersResponse,
  showServerResponse,
  updateServerBody,
  updateServerResponse,
} from './servers.schema.js';
import { updateServerHandler } from './servers.update.js';
import {
  createServerHandler,
  deleteServerHandler,
  listServersDetailHandler,
  listServersHandler,
  showServerHandler,
} from './servers.handlers.js';

export function serverRoutes(stores: Stores, quotas: QuotaAdmission): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, successStatus: 200 };
  const list = { ...read, query: listServersQuery, expectedErrors: [400, 403] };
  return [
    defineRoute({
      method: 'post',
      path: '/v2.1/servers',
      policy: 'member',
      body: createServerBody,
      query: noQuery,
      response: createServerResponse,
      successStatus: 202,
      expectedErrors: [400, 403, 409],
      handler: createServerHandler(stores, quotas),
    }),
    defineRoute({ ...list, path: '/v2.1/servers', response: listServersResponse, handler: listServersHandler(stores) }),
    defineRoute({ ...list, path: '/v2.1/servers/detail', response: listServersDetailResponse, handler: listServersDetailHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/servers/:serverId', query: noQuery, response: showServerResponse, expectedErrors: [404], handler: showServerHandler(stores) }),
    defineRoute({
      method: 'put',
      path: '/v2.1/servers/:serverId',
      policy: 'member',
      body: updateServerBody,
      query: noQuery,
      response: updateServerResponse,
      successStatus: 200,
      expectedErrors: [400, 404, 409],
      handler: updateServerHandler(stores),
    }),
    defineRoute({
      method: 'delete',
      path: '/v2.1/servers/:serverId',
      policy: 'member',
      body: null,
      query: noQuery,
      response: null,
      successStatus: 204,
      // 409: the server is locked.
      expectedErrors: [404, 409],
      handler: deleteServerHandler(stores, quotas),
    }),
  ];
}
