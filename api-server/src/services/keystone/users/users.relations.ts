// GET /v3/users/{id}/projects (identity:list_user_projects) and /v3/users/{id}/groups
// (identity:list_groups_for_user): the user or an admin. Projects are those where the user holds
// an effective role (direct, through a group, inherited), as Keystone lists them.
import { projectsOfUser } from '../../../auth/assignments.js';
import type { AppDeps } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks, policyDenied } from '../collection.js';
import { projectListView } from '../projects/projects.view.js';
import { groupListView } from '../groups/groups.view.js';
import { groupsOfUser } from '../groups/groups.members.js';
import { findUser } from './users.handlers.js';

export function listUserProjectsHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => {
    const user = findUser(d, ctx.params.userId);
    if (!ctx.auth.isAdmin && ctx.auth.userId !== user.metadata.name) throw policyDenied('list_user_projects');
    return { body: projectListView(ctx.baseUrl, collectionLinks(ctx), projectsOfUser(d.stores, user.metadata.name).sort(byNameThenId)) };
  });
}

export function listUserGroupsHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => {
    const user = findUser(d, ctx.params.userId);
    if (!ctx.auth.isAdmin && ctx.auth.userId !== user.metadata.name) throw policyDenied('list_groups_for_user');
    return { body: groupListView(ctx.baseUrl, collectionLinks(ctx), groupsOfUser(d.stores, user.metadata.name).sort(byNameThenId)) };
  });
}
