// The /v3/groups routes: CRUD and membership, all for admins (Keystone's identity:*_group and
// *_user_to_group / check_user_in_group / list_users_in_group defaults).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { AppDeps } from '../../../deps.js';
import { listUsersResponse } from '../users/users.schema.js';
import { createGroupBody, listGroupsQuery, listGroupsResponse, showGroupResponse, updateGroupBody } from './groups.schema.js';
import { createGroupHandler, deleteGroupHandler, listGroupsHandler, showGroupHandler, updateGroupHandler } from './groups.handlers.js';
import { addMemberHandler, checkMemberHandler, listMembersHandler, removeMemberHandler } from './groups.members.js';

const item = '/v3/groups/:groupId';
const member = `${item}/users/:userId`;

export function groupRoutes(d: AppDeps): RouteDef[] {
  return [
    defineRoute({ method: 'get', path: '/v3/groups', policy: 'admin', body: null, query: listGroupsQuery, response: listGroupsResponse, successStatus: 200, expectedErrors: [400], handler: listGroupsHandler(d) }),
    defineRoute({ method: 'post', path: '/v3/groups', policy: 'admin', body: createGroupBody, query: noQuery, response: showGroupResponse, successStatus: 201, expectedErrors: [400, 404, 409], handler: createGroupHandler(d) }),
    defineRoute({ method: 'get', path: item, policy: 'admin', body: null, query: noQuery, response: showGroupResponse, successStatus: 200, expectedErrors: [404], handler: showGroupHandler(d) }),
    defineRoute({ method: 'patch', path: item, policy: 'admin', body: updateGroupBody, query: noQuery, response: showGroupResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: updateGroupHandler(d) }),
    defineRoute({ method: 'delete', path: item, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteGroupHandler(d) }),
    defineRoute({ method: 'get', path: `${item}/users`, policy: 'admin', body: null, query: noQuery, response: listUsersResponse, successStatus: 200, expectedErrors: [404], handler: listMembersHandler(d) }),
    defineRoute({ method: 'put', path: member, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404, 409], handler: addMemberHandler(d) }),
    defineRoute({ method: 'head', path: member, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404], handler: checkMemberHandler(d) }),
    defineRoute({ method: 'delete', path: member, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404, 409], handler: removeMemberHandler(d) }),
  ];
}
