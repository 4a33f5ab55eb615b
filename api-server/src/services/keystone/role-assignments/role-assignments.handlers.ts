// GET /v3/role_assignments, for admins (Keystone's identity:list_role_assignments and
// list_role_assignments_for_tree, whose other grantees, system and domain readers, have no
// persona here): the direct assignments, or with ?effective what they grant (see
// role-assignments.effective.ts), filtered as role-assignments.query.ts reads the query.
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks } from '../collection.js';
import type { ListRoleAssignmentsQuery } from './role-assignments.schema.js';
import { assignmentFilter, matchesFilter } from './role-assignments.query.js';
import { directAssignments, effectiveAssignments } from './role-assignments.effective.js';
import { roleAssignmentListView } from './role-assignments.view.js';

export function listRoleAssignmentsHandler(stores: Stores): Handler<undefined, ListRoleAssignmentsQuery> {
  return syncHandler((ctx) => {
    const filter = assignmentFilter(stores, ctx.query);
    const all = filter.effective ? effectiveAssignments(stores) : directAssignments(stores);
    const found = all.filter(matchesFilter(filter));
    return { body: roleAssignmentListView(stores, collectionLinks(ctx), found, { baseUrl: ctx.baseUrl, includeNames: filter.includeNames }) };
  });
}
