// Questions about users, projects and role assignments that both token validation and the
// Keystone API ask, answered from the informer-backed stores.
import type { Project, Role, User } from '../../../crds/types.generated.js';
import type { Stores } from '../deps.js';

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

/** The roles the user holds directly on the project (assignments to deleted roles are ignored). */
export function rolesOn(stores: Stores, userId: string, projectId: string): Role[] {
  const roles = new Map<string, Role>();
  for (const a of stores.roleAssignments.list()) {
    if (a.spec.userId !== userId || a.spec.projectId !== projectId) continue;
    const role = stores.roles.get(a.spec.roleId);
    if (role) roles.set(role.metadata.name, role);
  }
  return [...roles.values()];
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

/** Ids of the projects the user holds at least one role on. */
export function projectIdsOf(stores: Stores, userId: string): Set<string> {
  const ids = new Set<string>();
  for (const a of stores.roleAssignments.list()) {
    if (a.spec.userId === userId && stores.roles.get(a.spec.roleId)) ids.add(a.spec.projectId);
  }
  return ids;
}

export function hasAdminRole(roles: Role[]): boolean {
  return roles.some((r) => r.spec.name === ADMIN_ROLE);
}
