// /os-server-groups (Nova's default policy: members create and delete, readers list and show).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { createServerGroupHandler, deleteServerGroupHandler, listServerGroupsHandler, showServerGroupHandler } from './server-groups.handlers.js';
import { createServerGroupBody, listServerGroupsQuery, listServerGroupsResponse, showServerGroupResponse } from './server-groups.schema.js';

export function serverGroupRoutes(stores: Stores, quotas: QuotaAdmission): RouteDef[] {
  const one = '/v2.1/os-server-groups/:groupId';
  return [
    defineRoute({ method: 'post', path: '/v2.1/os-server-groups', policy: 'member', body: createServerGroupBody, query: noQuery, response: showServerGroupResponse, successStatus: 200, expectedErrors: [400, 403], handler: createServerGroupHandler(stores, quotas) }),
    defineRoute({ method: 'get', path: '/v2.1/os-server-groups', policy: 'reader', body: null, query: listServerGroupsQuery, response: listServerGroupsResponse, successStatus: 200, expectedErrors: [400], handler: listServerGroupsHandler(stores) }),
    defineRoute({ method: 'get', path: one, policy: 'reader', body: null, query: noQuery, response: showServerGroupResponse, successStatus: 200, expectedErrors: [404], handler: showServerGroupHandler(stores) }),
    defineRoute({ method: 'delete', path: one, policy: 'member', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404], handler: deleteServerGroupHandler(stores, quotas) }),
  ];
}
