// GET /v3/role_assignments, for admins (Keystone's identity:list_role_assignments without
// domain-scoped tokens).
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks, queryFlag } from '../collection.js';
import type { ListRoleAssignmentsQuery } from './role-assignments.schema.js';
import { roleAssignmentFilter } from './role-assignments.query.js';
import { roleAssignmentListView, type AssignmentParts } from './role-assignments.view.js';

/** Assignments with all three ends present; dangling ones grant nothing and are not shown. */
function assignments(stores: Stores, query: ListRoleAssignmentsQuery): AssignmentParts[] {
  const out: AssignmentParts[] = [];
  for (const assignment of stores.roleAssignments.list().filter(roleAssignmentFilter(query))) {
    const { userId, projectId, roleId } = assignment.spec;
    if (!userId || !projectId) continue;
    const role = stores.roles.get(roleId);
    const user = stores.users.get(userId);
    const project = stores.projects.get(projectId);
    if (role && user && project) out.push({ assignment, role, user, project, domains: stores });
  }
  return out.sort((a, b) => a.assignment.metadata.name.localeCompare(b.assignment.metadata.name));
}

export function listRoleAssignmentsHandler(stores: Stores): Handler<undefined, ListRoleAssignmentsQuery> {
  return syncHandler((ctx) => {
    const naming = queryFlag(ctx.query.include_names) === true ? 'names' : 'ids';
    return { body: roleAssignmentListView(ctx.baseUrl, collectionLinks(ctx), assignments(stores, ctx.query), naming) };
  });
}
