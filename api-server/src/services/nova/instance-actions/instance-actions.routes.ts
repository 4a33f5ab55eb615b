// /servers/{id}/os-instance-actions (Nova's default policy: a project reader; the events an admin).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listInstanceActionsHandler, showInstanceActionHandler } from './instance-actions.handlers.js';
import { listInstanceActionsQuery, listInstanceActionsResponse, showInstanceActionResponse } from './instance-actions.schema.js';

export function instanceActionRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [404] };
  return [
    defineRoute({ ...read, path: '/v2.1/servers/:serverId/os-instance-actions', query: listInstanceActionsQuery, expectedErrors: [400, 404], response: listInstanceActionsResponse, handler: listInstanceActionsHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/servers/:serverId/os-instance-actions/:requestId', response: showInstanceActionResponse, handler: showInstanceActionHandler(stores) }),
  ];
}
