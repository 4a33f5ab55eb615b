// The read-only /v3/role_assignments route (grants come later).
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import type { Stores } from '../../deps.js';
import { listRoleAssignmentsQuery } from './role-assignments.schema.js';
import { listRoleAssignmentsHandler } from './role-assignments.handlers.js';

export function roleAssignmentRoutes(stores: Stores): RouteDef[] {
  return [
    legacyRoute({
      method: 'get',
      path: '/v3/role_assignments',
      auth: 'token',
      bodySchema: null,
      querySchema: listRoleAssignmentsQuery,
      successStatus: 200,
      expectedErrors: [400, 403],
      handler: listRoleAssignmentsHandler(stores),
    }),
  ];
}
