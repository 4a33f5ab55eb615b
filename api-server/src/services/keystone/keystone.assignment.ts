// Keystone's assignment resources: roles, implied roles and role assignments (grants).
import type { RouteDef } from '../../common/route.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { roleRoutes } from './roles/roles.routes.js';
import { roleAssignmentRoutes } from './role-assignments/role-assignments.routes.js';

export function assignmentRoutes(k: KeystoneDeps): RouteDef[] {
  return [...roleRoutes(k.app.stores), ...roleAssignmentRoutes(k.app.stores)];
}
