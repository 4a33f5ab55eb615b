// Keystone's identity resources: domains, projects, users and groups (and their memberships).
import type { RouteDef } from '../../common/route.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { projectRoutes } from './projects/projects.routes.js';
import { userRoutes } from './users/users.routes.js';
import { domainRoutes } from './domains/domains.routes.js';
import { groupRoutes } from './groups/groups.routes.js';

export function identityRoutes(k: KeystoneDeps): RouteDef[] {
  return [...projectRoutes(k.app), ...userRoutes(k), ...domainRoutes(k.app), ...groupRoutes(k.app)];
}
