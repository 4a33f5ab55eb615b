// GET /v3/role_assignments (grants themselves are made through grants/).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { listRoleAssignmentsQuery, listRoleAssignmentsResponse } from './role-assignments.schema.js';
import { listRoleAssignmentsHandler } from './role-assignments.handlers.js';

export function roleAssignmentRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v3/role_assignments',
      policy: 'admin',
      body: null,
      query: listRoleAssignmentsQuery,
      response: listRoleAssignmentsResponse,
      successStatus: 200,
      // 404: an unknown project for include_subtree or an effective listing, as Keystone.
      expectedErrors: [400, 404],
      handler: listRoleAssignmentsHandler(stores),
    }),
  ];
}
