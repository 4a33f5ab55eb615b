// Keystone's effective roles: what a user holds on a target once group membership, OS-INHERIT
// grants from the target's ancestors and implied roles are expanded, and domain-specific roles
// (which only exist to imply others) are dropped. Token validation, token issue and
// GET /v3/role_assignments?effective all ask these functions, so a role removed or a membership
// ended takes effect on tokens already issued.
import type { Project, Role, RoleAssignment } from '../../../crds/types.generated.js';
import type { Stores } from '../deps.js';

/** What a token or an assignment is on. */
export type RoleTarget = { projectId: string } | { domainId: string } | { system: 'all' };

/** A domain-specific role (Keystone's domain_id set): it implies other roles but is never in a token. */
export function isDomainSpecific(role: Role): boolean {
  return typeof role.spec.domainId === 'string' && role.spec.domainId !== '';
}

/** Ids of the groups the user is a member of (memberships of deleted groups count for nothing). */
export function groupIdsOf(stores: Stores, userId: string): Set<string> {
  const ids = new Set<string>();
  for (const m of stores.groupMemberships.list()) {
    if (m.spec.userId === userId && stores.groups.get(m.spec.groupId)) ids.add(m.spec.groupId);
  }
  return ids;
}

/** Ids of the existing users in an existing group. */
export function memberIdsOf(stores: Stores, groupId: string): string[] {
  if (!stores.groups.get(groupId)) return [];
  const ids = new Set<string>();
  for (const m of stores.groupMemberships.list()) {
    if (m.spec.groupId === groupId && stores.users.get(m.spec.userId)) ids.add(m.spec.userId);
  }
  return [...ids].sort();
}

/** The project's ancestors, nearest first (a missing parent or a cycle ends the walk). */
export function ancestorsOf(stores: Stores, project: Project): Project[] {
  const out: Project[] = [];
  const seen = new Set([project.metadata.name]);
  for (let id = project.spec.parentId; id && !seen.has(id); ) {
    const parent = stores.projects.get(id);
    if (!parent) break;
    out.push(parent);
    seen.add(id);
    id = parent.spec.parentId;
  }
  return out;
}

/** Ids of the project's descendants at any depth (not the project itself). */
export function descendantIdsOf(stores: Stores, projectId: string): string[] {
  return stores.projects
    .list()
    .filter((p) => ancestorsOf(stores, p).some((a) => a.metadata.name === projectId))
    .map((p) => p.metadata.name)
    .sort();
}

/** Does the grant reach the target: directly, or inherited from an ancestor project or the project's domain. */
export function grantReaches(stores: Stores, a: RoleAssignment['spec'], target: RoleTarget): boolean {
  if ('system' in target) return a.system === 'all';
  if ('domainId' in target) return a.domainId === target.domainId && !a.inherited;
  if (a.projectId === target.projectId) return !a.inherited;
  if (!a.inherited) return false;
  const project = stores.projects.get(target.projectId);
  if (!project) return false;
  if (a.domainId !== undefined) return a.domainId === project.spec.domainId;
  return a.projectId !== undefined && ancestorsOf(stores, project).some((p) => p.metadata.name === a.projectId);
}

/** The user's own assignments and those of the groups they belong to, on any target. */
export function actorAssignments(stores: Stores, userId: string): RoleAssignment[] {
  const groups = groupIdsOf(stores, userId);
  return stores.roleAssignments.list().filter((a) => (a.spec.userId !== undefined ? a.spec.userId === userId : a.spec.groupId !== undefined && groups.has(a.spec.groupId)));
}

/** The assignments through which the user holds a role on the target (their own and their groups'). */
export function assignmentsReaching(stores: Stores, userId: string, target: RoleTarget): RoleAssignment[] {
  return actorAssignments(stores, userId).filter((a) => grantReaches(stores, a.spec, target));
}

/** The roles and every role they imply, transitively (an implication to a missing role is ignored; cycles end). */
export function withImpliedRoles(stores: Stores, roles: Role[]): Role[] {
  const found = new Map(roles.map((r) => [r.metadata.name, r]));
  const queue = [...roles];
  for (let role = queue.shift(); role; role = queue.shift()) {
    for (const id of role.spec.implies ?? []) {
      const implied = stores.roles.get(id);
      if (implied && !found.has(id)) {
        found.set(id, implied);
        queue.push(implied);
      }
    }
  }
  return [...found.values()];
}

/**
 * The roles the assignments grant: their roles (assignments to deleted roles grant nothing), every
 * role those imply, and then without the domain-specific ones, as Keystone strips them.
 */
export function rolesGrantedBy(stores: Stores, assignments: RoleAssignment[]): Role[] {
  const direct = new Map<string, Role>();
  for (const a of assignments) {
    const role = stores.roles.get(a.spec.roleId);
    if (role) direct.set(role.metadata.name, role);
  }
  return withImpliedRoles(stores, [...direct.values()]).filter((r) => !isDomainSpecific(r));
}

/** The user's effective roles on the target. */
export function effectiveRoles(stores: Stores, userId: string, target: RoleTarget): Role[] {
  return rolesGrantedBy(stores, assignmentsReaching(stores, userId, target));
}
