// The assignments GET /v3/role_assignments lists, as Keystone's assignment manager computes them.
// Direct mode: one entry per RoleAssignment. Effective mode (what would be in a token): an
// OS-INHERIT grant is placed on every project it reaches (the domain's projects, or the project's
// subtree) instead of its own target, a group's grant on each of its members, each role brings
// the roles it implies (transitively), and domain-specific roles are dropped, as Keystone strips
// them. System grants are not part of effective mode, as in Keystone. Each derived entry keeps
// where it came from (Keystone's "indirect"), which the view turns into links.
import type { RoleAssignment } from '../../../../../crds/types.generated.js';
import { descendantIdsOf, isDomainSpecific, memberIdsOf } from '../../../auth/effective-roles.js';
import { findDomain } from '../../../auth/default-domain.js';
import { liveProjects } from '../../../auth/assignments.js';
import type { Stores } from '../../../deps.js';

export interface AssignmentRef {
  userId?: string;
  groupId?: string;
  projectId?: string;
  domainId?: string;
  system?: true;
  roleId: string;
  /** Shown as OS-INHERIT: a direct inherited grant, or an effective one placed from it. */
  inherited: boolean;
  /** The grant it comes from was an OS-INHERIT one (the OS-INHERIT filter reads this). */
  fromInherited: boolean;
  /** Keystone's "indirect": the group, inheritance point and prior role an effective entry comes from. */
  via: { groupId?: string; projectId?: string; domainId?: string; roleId?: string };
}

/** The assignment as a direct entry; undefined when its role or target no longer exists. */
function directRef(stores: Stores, a: RoleAssignment): AssignmentRef | undefined {
  const s = a.spec;
  if (!stores.roles.get(s.roleId)) return undefined;
  if (s.projectId !== undefined && !stores.projects.get(s.projectId)) return undefined;
  if (s.domainId !== undefined && !findDomain(stores, s.domainId)) return undefined;
  const inherited = s.inherited === true;
  return {
    ...(s.userId !== undefined ? { userId: s.userId } : { groupId: s.groupId }),
    ...(s.projectId !== undefined ? { projectId: s.projectId } : s.domainId !== undefined ? { domainId: s.domainId } : { system: true as const }),
    roleId: s.roleId,
    inherited,
    fromInherited: inherited,
    via: {},
  };
}

const sortedAssignments = (stores: Stores): RoleAssignment[] => [...stores.roleAssignments.list()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

export function directAssignments(stores: Stores): AssignmentRef[] {
  return sortedAssignments(stores)
    .map((a) => directRef(stores, a))
    .filter((r): r is AssignmentRef => r !== undefined);
}

/** An inherited grant, placed on each project it reaches. */
function placedOnProjects(stores: Stores, ref: AssignmentRef): AssignmentRef[] {
  const { projectId, domainId, ...rest } = ref;
  const reached = domainId !== undefined ? liveProjects(stores).filter((p) => p.spec.domainId === domainId).map((p) => p.metadata.name) : descendantIdsOf(stores, projectId ?? '');
  const via = domainId !== undefined ? { domainId } : { projectId };
  return reached.map((id) => ({ ...rest, projectId: id, via: { ...ref.via, ...via } }));
}

/** A group's grant, given to each of its members. */
function givenToMembers(stores: Stores, ref: AssignmentRef): AssignmentRef[] {
  const { groupId, ...rest } = ref;
  if (groupId === undefined) return [ref];
  return memberIdsOf(stores, groupId).map((userId) => ({ ...rest, userId, via: { ...ref.via, groupId } }));
}

/** The entry and one more per role its role implies, transitively, each naming the role that implied it. */
function withImplied(stores: Stores, ref: AssignmentRef): AssignmentRef[] {
  const out = [ref];
  const seen = new Set([ref.roleId]);
  for (let i = 0; i < out.length; i++) {
    const prior = out[i];
    for (const id of stores.roles.get(prior.roleId)?.spec.implies ?? []) {
      if (seen.has(id) || !stores.roles.get(id)) continue;
      seen.add(id);
      out.push({ ...prior, roleId: id, via: { ...prior.via, roleId: prior.roleId } });
    }
  }
  return out;
}

export function effectiveAssignments(stores: Stores): AssignmentRef[] {
  const out: AssignmentRef[] = [];
  for (const ref of directAssignments(stores)) {
    if (ref.system) continue;
    const placed = ref.inherited ? placedOnProjects(stores, ref) : [ref];
    out.push(...placed.flatMap((r) => givenToMembers(stores, r)).flatMap((r) => withImplied(stores, r)));
  }
  return out.filter((r) => {
    const role = stores.roles.get(r.roleId);
    return role !== undefined && !isDomainSpecific(role);
  });
}
