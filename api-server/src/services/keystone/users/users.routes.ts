// The /v3/users routes: CRUD, the user's own password change, and the user's projects and groups.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { listProjectsResponse } from '../projects/projects.schema.js';
import { listGroupsResponse } from '../groups/groups.schema.js';
import { changePasswordBody, createUserBody, listUsersQuery, listUsersResponse, showUserResponse, updateUserBody } from './users.schema.js';
import { createUserHandler, listUsersHandler, showUserHandler, updateUserHandler } from './users.handlers.js';
import { deleteUserHandler } from './users.remove.js';
import { changePasswordHandler } from './users.password.js';
import { listUserGroupsHandler, listUserProjectsHandler } from './users.relations.js';

const item = '/v3/users/:userId';

export function userRoutes(k: KeystoneDeps): RouteDef[] {
  const d = k.app;
  return [
    defineRoute({ method: 'get', path: '/v3/users', policy: 'admin', body: null, query: listUsersQuery, response: listUsersResponse, successStatus: 200, expectedErrors: [400], handler: listUsersHandler(d) }),
    defineRoute({ method: 'post', path: '/v3/users', policy: 'admin', body: createUserBody, query: noQuery, response: showUserResponse, successStatus: 201, expectedErrors: [400, 404, 409], handler: createUserHandler(d) }),
    defineRoute({ method: 'get', path: item, policy: 'authenticated', body: null, query: noQuery, response: showUserResponse, successStatus: 200, expectedErrors: [403, 404], handler: showUserHandler(d) }),
    defineRoute({ method: 'patch', path: item, policy: 'admin', body: updateUserBody, query: noQuery, response: showUserResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: updateUserHandler(d) }),
    // Its own parameter name, so the persona matrix can aim it at a throwaway user instead of the
    // persona whose record the other routes read.
    defineRoute({ method: 'delete', path: '/v3/users/:deleteUserId', policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteUserHandler(d) }),
    defineRoute({ method: 'post', path: `${item}/password`, policy: 'public', body: changePasswordBody, query: noQuery, response: null, successStatus: 204, expectedErrors: [400, 401, 404, 409, 503], handler: changePasswordHandler(k) }),
    defineRoute({ method: 'get', path: `${item}/projects`, policy: 'authenticated', body: null, query: noQuery, response: listProjectsResponse, successStatus: 200, expectedErrors: [403, 404], handler: listUserProjectsHandler(d) }),
    defineRoute({ method: 'get', path: `${item}/groups`, policy: 'authenticated', body: null, query: noQuery, response: listGroupsResponse, successStatus: 200, expectedErrors: [403, 404], handler: listUserGroupsHandler(d) }),
  ];
}
