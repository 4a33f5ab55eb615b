// The filters of GET /v3/role_assignments. Only direct user-on-project assignments exist (no
// groups, domain or system roles, no inheritance), so they are already the effective ones and a
// filter on any of the other kinds matches nothing.
import type { RoleAssignment } from '../../../../../crds/types.generated.js';
import { matchesQuery } from '../collection.js';
import type { ListRoleAssignmentsQuery } from './role-assignments.schema.js';

const NEVER_MATCHED = ['group.id', 'scope.domain.id', 'scope.system'] as const;

export function roleAssignmentFilter(query: ListRoleAssignmentsQuery): (a: RoleAssignment) => boolean {
  if (NEVER_MATCHED.some((key) => query[key] !== undefined)) return () => false;
  return ({ spec }) =>
    matchesQuery(query['user.id'], spec.userId) &&
    matchesQuery(query['scope.project.id'], spec.projectId) &&
    matchesQuery(query['role.id'], spec.roleId);
}
