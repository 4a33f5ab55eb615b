// Questions about users, projects and role assignments that both token validation and the
// Keystone API ask, answered from the informer-backed stores.
import type { Project, Role, RoleAssignment, User } from '../../../crds/types.generated.js';
import type { Stores } from '../deps.js';
import { actorAssignments, effectiveRoles, grantReaches, rolesGrantedBy } from './effective-roles.js';

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

/**
 * Ids of the live projects the user holds at least one effective role on. The user's (and their
 * groups') assignments are read once, so this is O(projects × the user's assignments).
 */
export function projectIdsOf(stores: Stores, userId: string): Set<string> {
  const mine = actorAssignments(stores, userId);
  const ids = new Set<string>();
  for (const p of liveProjects(stores)) {
    const target = { projectId: p.metadata.name };
    if (rolesGrantedBy(stores, mine.filter((a) => grantReaches(stores, a.spec, target))).length > 0) ids.add(p.metadata.name);
  }
  return ids;
}

export function hasAdminRole(roles: Role[]): boolean {
  return roles.some((r) => r.spec.name === ADMIN_ROLE);
}

/**
 * Deletes every RoleAssignment the predicate picks: a deleted role's (Keystone deletes its
 * assignments), and equally a deleted user's, group's, project's or domain's. One already gone is
 * fine. Returns how many were deleted.
 */
export async function deleteAssignmentsWhere(stores: Stores, pick: (spec: RoleAssignment['spec']) => boolean): Promise<number> {
  let deleted = 0;
  for (const a of stores.roleAssignments.list().filter((x) => pick(x.spec))) {
    if (await stores.roleAssignments.delete(a.metadata.name)) deleted++;
  }
  return deleted;
}
