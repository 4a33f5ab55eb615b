// GET /servers/{id}/os-security-groups (Nova's default policy: a reader on the project).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listServerSecurityGroupsHandler } from './server-security-groups.handlers.js';
import { listServerSecurityGroupsResponse } from './server-security-groups.schema.js';

export function serverSecurityGroupRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/v2.1/servers/:serverId/os-security-groups', policy: 'reader', body: null, query: noQuery,
      response: listServerSecurityGroupsResponse, successStatus: 200, expectedErrors: [404], handler: listServerSecurityGroupsHandler(stores),
    }),
  ];
}
