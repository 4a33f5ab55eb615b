// GET /v3/role_assignments. Only direct user-on-project assignments exist (no groups, domain or
// system roles, no inheritance), so they are already the effective ones and a filter on any of
// the other kinds matches nothing. Admins see all; anyone else only their own.
import type { RoleAssignment } from '../../../../crds/types.generated.js';
import type { RouteContext } from '../../common/route.js';
import type { Stores } from '../../deps.js';
import { syncHandler, type Handler } from './handler.js';
import { collection, policyDenied, queryFlag, queryValue } from './collection.js';
import { showRoleAssignment, type AssignmentParts } from './role-assignments.view.js';

interface Filter {
  userId?: string;
  projectId?: string;
  roleId?: string;
}

const NEVER_MATCHED = ['group.id', 'scope.domain.id', 'scope.system'];

function filterOf(ctx: RouteContext): Filter {
  const userId = queryValue(ctx.query, 'user.id');
  if (!ctx.auth.isAdmin && userId !== undefined && userId !== ctx.auth.userId) throw policyDenied('list_role_assignments');
  return {
    userId: ctx.auth.isAdmin ? userId : ctx.auth.userId,
    projectId: queryValue(ctx.query, 'scope.project.id'),
    roleId: queryValue(ctx.query, 'role.id'),
  };
}

function matches(f: Filter, spec: RoleAssignment['spec']): boolean {
  const same = (want: string | undefined, have: string): boolean => want === undefined || want === have;
  return same(f.userId, spec.userId) && same(f.projectId, spec.projectId) && same(f.roleId, spec.roleId);
}

/** Assignments with all three ends present; dangling ones grant nothing and are not shown. */
function assignments(stores: Stores, f: Filter): AssignmentParts[] {
  const out: AssignmentParts[] = [];
  for (const assignment of stores.roleAssignments.list()) {
    if (!matches(f, assignment.spec)) continue;
    const { userId, projectId, roleId } = assignment.spec;
    const role = stores.roles.get(roleId);
    const user = stores.users.get(userId);
    const project = stores.projects.get(projectId);
    if (role && user && project) out.push({ assignment, role, user, project });
  }
  return out;
}

export function listRoleAssignmentsHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const filter = filterOf(ctx);
    const none = NEVER_MATCHED.some((key) => queryValue(ctx.query, key) !== undefined);
    const withNames = queryFlag(ctx.query, 'include_names') === true;
    const found = none ? [] : assignments(stores, filter);
    found.sort((a, b) => a.assignment.metadata.name.localeCompare(b.assignment.metadata.name));
    return { body: collection(ctx, 'role_assignments', found.map((p) => showRoleAssignment(ctx.baseUrl, p, withNames))) };
  });
}
