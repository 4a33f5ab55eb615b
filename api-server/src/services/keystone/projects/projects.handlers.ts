// GET /v3/projects (admins only, as Keystone's identity:list_projects without domain-scoped
// tokens) and GET /v3/projects/:projectId (identity:get_project: an admin, or a token scoped to
// that very project). As in Keystone, an unknown project is 404 before the policy is checked.
import { notFound } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import { liveProjects } from '../../../auth/assignments.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks, policyDenied } from '../collection.js';
import type { ListProjectsQuery } from './projects.schema.js';
import { projectFilter } from './projects.query.js';
import { projectListView, projectView } from './projects.view.js';

export function listProjectsHandler(stores: Stores): Handler<undefined, ListProjectsQuery> {
  return syncHandler((ctx) => {
    const items = liveProjects(stores).filter(projectFilter(ctx.query)).sort(byNameThenId);
    return { body: projectListView(ctx.baseUrl, collectionLinks(ctx), items) };
  });
}

export function showProjectHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.projectId;
    const project = stores.projects.get(id);
    if (!project || project.metadata.deletionTimestamp) throw notFound(`Could not find project: ${id}.`);
    if (!ctx.auth.isAdmin && ctx.auth.projectId !== id) throw policyDenied('get_project');
    return { body: { project: projectView(ctx.baseUrl, project) } };
  });
}
