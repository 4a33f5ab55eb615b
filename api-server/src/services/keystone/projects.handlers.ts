// GET /v3/projects and /v3/projects/:projectId. Admins see every project; anyone else sees the
// projects they hold a role on, and is refused (403) any other existing project.
import type { Project } from '../../../../crds/types.generated.js';
import type { AuthContext } from '../../common/route.js';
import { notFound } from '../../common/errors.js';
import type { Stores } from '../../deps.js';
import { projectIdsOf } from '../../auth/assignments.js';
import { syncHandler, type Handler } from './handler.js';
import { byNameThenId, collection, policyDenied, queryFlag, queryValue } from './collection.js';
import { showProject } from './projects.view.js';

/** Projects that exist for the API: a project being torn down is already gone. */
export function liveProjects(stores: Stores): Project[] {
  return stores.projects.list().filter((p) => !p.metadata.deletionTimestamp);
}

export function projectsOfUser(stores: Stores, userId: string): Project[] {
  const ids = projectIdsOf(stores, userId);
  return liveProjects(stores).filter((p) => ids.has(p.metadata.name));
}

function matches(p: Project, query: Record<string, unknown>): boolean {
  const name = queryValue(query, 'name');
  const domainId = queryValue(query, 'domain_id') ?? queryValue(query, 'parent_id');
  const enabled = queryFlag(query, 'enabled');
  if (name !== undefined && p.spec.name !== name) return false;
  if (domainId !== undefined && p.spec.domainId !== domainId) return false;
  return enabled === undefined || (p.spec.enabled !== false) === enabled;
}

function visible(stores: Stores, auth: AuthContext): Project[] {
  return auth.isAdmin ? liveProjects(stores) : projectsOfUser(stores, auth.userId);
}

export function listProjectsHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const items = visible(stores, ctx.auth).filter((p) => matches(p, ctx.query)).sort(byNameThenId);
    return { body: collection(ctx, 'projects', items.map((p) => showProject(ctx.baseUrl, p))) };
  });
}

export function showProjectHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.projectId;
    const project = stores.projects.get(id);
    if (!project || project.metadata.deletionTimestamp) throw notFound(`Could not find project: ${id}.`);
    if (!ctx.auth.isAdmin && !projectIdsOf(stores, ctx.auth.userId).has(id)) throw policyDenied('get_project');
    return { body: { project: showProject(ctx.baseUrl, project) } };
  });
}
