// GET /os-security-groups and /os-security-groups/{id} (Nova's default policy: a reader on the project),
// a proxy to Neutron that 2.36 removes (a 404 from it on).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { MV } from '../microversion.js';
import { listNovaSecurityGroupsHandler, showNovaSecurityGroupHandler } from './security-groups.handlers.js';
import { listNovaSecurityGroupsResponse, showNovaSecurityGroupResponse } from '../server-security-groups/server-security-groups.schema.js';

export function novaSecurityGroupRoutes(stores: Stores): RouteDef[] {
  const read = { method: 'get' as const, policy: 'reader' as const, body: null, query: noQuery, successStatus: 200, removedAt: MV.PROXY_APIS_REMOVED };
  return [
    defineRoute({ ...read, path: '/v2.1/os-security-groups', response: listNovaSecurityGroupsResponse, expectedErrors: [], handler: listNovaSecurityGroupsHandler(stores) }),
    defineRoute({ ...read, path: '/v2.1/os-security-groups/:securityGroupId', response: showNovaSecurityGroupResponse, expectedErrors: [404], handler: showNovaSecurityGroupHandler(stores) }),
  ];
}
