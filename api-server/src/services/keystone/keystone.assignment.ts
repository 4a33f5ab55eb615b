// Keystone's assignment resources: roles, implied roles, grants and role assignments.
import type { RouteDef } from '../../common/route.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { roleRoutes } from './roles/roles.routes.js';
import { impliedRoleRoutes } from './implied-roles/implied-roles.routes.js';
import { grantRoutes } from './grants/grants.routes.js';
import { roleAssignmentRoutes } from './role-assignments/role-assignments.routes.js';

export function assignmentRoutes(k: KeystoneDeps): RouteDef[] {
  const { stores } = k.app;
  return [...roleRoutes(stores), ...impliedRoleRoutes(stores), ...grantRoutes(stores), ...roleAssignmentRoutes(stores)];
}
