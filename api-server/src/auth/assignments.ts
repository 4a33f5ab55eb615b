// Questions about users, projects and role assignments that both token validation and the
// Keystone API ask, answered from the informer-backed stores.
import type { Project, Role, User } from '../../../crds/types.generated.js';
import type { Stores } from '../deps.js';
import { effectiveRoles } from './effective-roles.js';

export const ADMIN_ROLE = 'admin';

/** Exists, is enabled and is not being deleted. */
export function isActive<T extends User | Project>(obj: T | undefined): obj is T {
  return obj !== undefined && obj.spec.enabled !== false && !obj.metadata.deletionTimestamp;
}

export function activeUser(stores: Stores, userId: string): User | undefined {
  const user = stores.users.get(userId);
  return isActive(user) ? user : undefined;
}

export function activeProject(stores: Stores, projectId: string): Project | undefined {
  const project = stores.projects.get(projectId);
  return isActive(project) ? project : undefined;
}

/** The user's effective roles on the project: direct, through groups, inherited and implied. */
export function rolesOn(stores: Stores, userId: string, projectId: string): Role[] {
  return effectiveRoles(stores, userId, { projectId });
}

/** Projects that exist for the API: a project being torn down is already gone. */
export function liveProjects(stores: Stores): Project[] {
  return stores.projects.list().filter((p) => !p.metadata.deletionTimestamp);
}

/** Live projects the user holds at least one role on (enabled or not). */
export function projectsOfUser(stores: Stores, userId: string): Project[] {
  const ids = projectIdsOf(stores, userId);
  return liveProjects(stores).filter((p) => ids.has(p.metadata.name));
}

/** Ids of the live projects the user holds at least one effective role on. */
export function projectIdsOf(stores: Stores, userId: string): Set<string> {
  return new Set(liveProjects(stores).filter((p) => rolesOn(stores, userId, p.metadata.name).length > 0).map((p) => p.metadata.name));
}

export function hasAdminRole(roles: Role[]): boolean {
  return roles.some((r) => r.spec.name === ADMIN_ROLE);
}
