// The filters of GET /v3/role_assignments, read as Keystone reads them: an empty value is no
// filter, scope.system filters only when it is "all", scope.OS-INHERIT:inherited_to keeps the
// inherited assignments when it is "projects" and the others otherwise, include_subtree widens a
// project filter to its subtree. Combinations that can only be wrong are Keystone's 400s.
import { badRequest, notFound } from '../../../common/errors.js';
import { lastQueryValue } from '../../../common/pagination.js';
import { descendantIdsOf } from '../../../auth/effective-roles.js';
import type { Stores } from '../../../deps.js';
import { queryFlag } from '../collection.js';
import type { ListRoleAssignmentsQuery } from './role-assignments.schema.js';
import type { AssignmentRef } from './role-assignments.effective.js';

export interface AssignmentFilter {
  userId?: string;
  groupId?: string;
  roleId?: string;
  /** The project asked for, and with include_subtree its descendants. */
  projectIds?: Set<string>;
  domainId?: string;
  system: boolean;
  /** undefined: inherited and not; true: only OS-INHERIT ones (or those derived from them). */
  inherited?: boolean;
  effective: boolean;
  includeNames: boolean;
}

function refuseContradictions(q: ListRoleAssignmentsQuery, value: (k: keyof ListRoleAssignmentsQuery) => string | undefined): void {
  const [project, domain, system] = [value('scope.project.id'), value('scope.domain.id'), value('scope.system')];
  if (queryFlag(q.include_subtree) === true && !project) throw badRequest('scope.project.id must be specified if include_subtree is also specified');
  if (domain && project) throw badRequest('Specify a domain or project, not both');
  if (system && domain) throw badRequest('Specify system or domain, not both');
  if (system && project) throw badRequest('Specify system or project, not both');
  if (value('user.id') && value('group.id')) throw badRequest('Specify a user or group, not both');
}

function refuseUselessEffective(f: AssignmentFilter): void {
  if (!f.effective) return;
  if (f.groupId) throw badRequest('Combining effective and group filter will always result in an empty list.');
  if (f.inherited === true && f.domainId) throw badRequest('Combining effective, domain and inherited filters will always result in an empty list.');
}

/** Keystone reads the project for a subtree, and for the inherited grants of an effective listing: 404 when unknown. */
function refuseUnknownProject(stores: Stores, f: AssignmentFilter, project: string | undefined, subtree: boolean): void {
  if (!project || !(subtree || (f.effective && f.inherited !== false))) return;
  const found = stores.projects.get(project);
  if (!found || found.metadata.deletionTimestamp) throw notFound(`Could not find project: ${project}.`);
}

export function assignmentFilter(stores: Stores, q: ListRoleAssignmentsQuery): AssignmentFilter {
  const value = (k: keyof ListRoleAssignmentsQuery): string | undefined => lastQueryValue(q[k]) || undefined;
  refuseContradictions(q, value);
  const project = value('scope.project.id');
  const subtree = project && queryFlag(q.include_subtree) === true ? descendantIdsOf(stores, project) : [];
  const inheritedTo = lastQueryValue(q['scope.OS-INHERIT:inherited_to']);
  const filter: AssignmentFilter = {
    userId: value('user.id'),
    groupId: value('group.id'),
    roleId: value('role.id'),
    projectIds: project ? new Set([project, ...subtree]) : undefined,
    domainId: value('scope.domain.id'),
    system: value('scope.system') === 'all',
    inherited: inheritedTo === undefined ? undefined : inheritedTo === 'projects',
    effective: queryFlag(q.effective) === true,
    includeNames: queryFlag(q.include_names) === true,
  };
  refuseUselessEffective(filter);
  refuseUnknownProject(stores, filter, project, queryFlag(q.include_subtree) === true);
  return filter;
}

/** The filters on the actor and the role. */
function matchesActorAndRole(f: AssignmentFilter, r: AssignmentRef): boolean {
  return (f.userId === undefined || r.userId === f.userId) && (f.groupId === undefined || r.groupId === f.groupId) && (f.roleId === undefined || r.roleId === f.roleId);
}

/** The filters on the scope and inheritance. */
function matchesScope(f: AssignmentFilter, r: AssignmentRef): boolean {
  if (f.projectIds !== undefined && (r.projectId === undefined || !f.projectIds.has(r.projectId))) return false;
  if (f.domainId !== undefined && r.domainId !== f.domainId) return false;
  if (f.system && r.system !== true) return false;
  return f.inherited === undefined || r.fromInherited === f.inherited;
}

/** Whether an assignment (direct, or one an effective expansion made) passes the filters. */
export function matchesFilter(f: AssignmentFilter): (r: AssignmentRef) => boolean {
  return (r) => matchesActorAndRole(f, r) && matchesScope(f, r);
}
