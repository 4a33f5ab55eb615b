// /v3/projects. Reads: the list for admins (identity:list_projects without domain-scoped tokens),
// one project for an admin or a token scoped to it (identity:get_project; an unknown project is
// 404 before the policy, as in Keystone). Writes, for admins: create (the name unique in its domain
// through a NameClaim, the parent checked as Keystone checks it) and update (rename moves the
// claim; domain and parent cannot move; a branch is disabled from the leaves up). The operator
// makes each created project's Namespace. Deletion is in projects.delete.ts.
import { awaitProjectNamespace } from './projects.ready.js';
import { Resources } from '../../../../../crds/resources.js';
import type { Project } from '../../../../../crds/types.generated.js';
import { badRequest, forbidden, notFound } from '../../../common/errors.js';
import { duplicateInDomain, withNewClaim, withRenamedClaim, type ClaimRequest, type NameKey } from '../../../common/name-claims.js';
import type { AppDeps } from '../../../deps.js';
import { liveProjects } from '../../../auth/assignments.js';
import { DEFAULT_DOMAIN_ID } from '../../../auth/default-domain.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks, policyDenied, queryFlag } from '../collection.js';
import { allDomains, findDomainOr404, refuseImmutableUpdate } from '../domains/domains.handlers.js';
import { domainFilter } from '../domains/domains.query.js';
import { createDomainProject, domainAsProjectView, domainProject, updateDomainProject } from './projects.domains.js';
import { newKeystoneId } from '../domains/domains.mapper.js';
import type { CreateProjectRequest, ListProjectsQuery, ShowProjectQuery, UpdateProjectRequest } from './projects.schema.js';
import { projectFilter } from './projects.query.js';
import { projectListView, projectView, wrappedProjects } from './projects.view.js';
import { applyProjectUpdate, toProjectResource } from './projects.mapper.js';
import { checkedParent, childrenOf, parentIds, parentsOf, subtreeIds, subtreeOf } from './projects.tree.js';

export const projectNameKey = (domainId: string, name: string): NameKey => ({ kind: Resources.Project.kind, scope: domainId, name });

function projectClaim(domainId: string, name: string, holderId: string): ClaimRequest {
  return { key: projectNameKey(domainId, name), holderId, taken: () => duplicateInDomain('project', name, domainId) };
}

export function findProject(d: AppDeps, id: string): Project {
  const project = d.stores.projects.get(id);
  if (!project || project.metadata.deletionTimestamp) throw notFound(`Could not find project: ${id}.`);
  return project;
}

export function listProjectsHandler(d: AppDeps): Handler<undefined, ListProjectsQuery> {
  return syncHandler((ctx) => {
    if (queryFlag(ctx.query.is_domain) === true) {
      const domains = allDomains(d).filter(domainFilter({ name: ctx.query.name, enabled: ctx.query.enabled }));
      return { body: { projects: domains.map((x) => domainAsProjectView(ctx.baseUrl, x)), links: collectionLinks(ctx) } };
    }
    const items = liveProjects(d.stores).filter(projectFilter(ctx.query)).sort(byNameThenId);
    return { body: projectListView(ctx.baseUrl, collectionLinks(ctx), items) };
  });
}

function hierarchy(d: AppDeps, baseUrl: string, p: Project, q: ShowProjectQuery): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (queryFlag(q.parents_as_list)) out.parents = wrappedProjects(baseUrl, parentsOf(d.stores, p));
  else if (queryFlag(q.parents_as_ids)) out.parents = parentIds(d.stores, p);
  if (queryFlag(q.subtree_as_list)) out.subtree = wrappedProjects(baseUrl, subtreeOf(d.stores, p.metadata.name));
  else if (queryFlag(q.subtree_as_ids)) out.subtree = subtreeIds(d.stores, p.metadata.name);
  return out;
}

export function showProjectHandler(d: AppDeps): Handler<undefined, ShowProjectQuery> {
  return syncHandler((ctx) => {
    const dom = domainProject(d, ctx.params.projectId);
    if (dom) {
      if (!ctx.auth.isAdmin) throw policyDenied('get_project');
      return { body: { project: domainAsProjectView(ctx.baseUrl, dom) } };
    }
    const project = findProject(d, ctx.params.projectId);
    if (!ctx.auth.isAdmin && ctx.auth.projectId !== project.metadata.name) throw policyDenied('get_project');
    return { body: { project: { ...projectView(ctx.baseUrl, project), ...hierarchy(d, ctx.baseUrl, project, ctx.query) } } };
  });
}

/** The new project's domain: the one named, else its parent's, else the caller's project's (Keystone's default). */
function placeOf(d: AppDeps, req: CreateProjectRequest, callerDomain: string | undefined): { domainId: string; parentId?: string } {
  const named = req.domain_id ?? undefined;
  const parent = checkedParent(d.stores, req.parent_id, named);
  const domainId = named ?? parent?.spec.domainId ?? callerDomain ?? DEFAULT_DOMAIN_ID;
  findDomainOr404(d, domainId);
  return { domainId, ...(parent ? { parentId: parent.metadata.name } : {}) };
}

export function createProjectHandler(d: AppDeps): Handler<{ project: CreateProjectRequest }> {
  return async (ctx) => {
    const req = ctx.body.project;
    if (req.is_domain === true) return { status: 201, body: { project: domainAsProjectView(ctx.baseUrl, await createDomainProject(d, req)) } };
    const place = placeOf(d, req, ctx.auth.projectDomainId);
    const id = newKeystoneId();
    const created = await withNewClaim(d.stores, projectClaim(place.domainId, req.name, id), () => d.stores.projects.create(toProjectResource(id, req, place)));
    await awaitProjectNamespace(d, id);
    return { status: 201, body: { project: projectView(ctx.baseUrl, created) } };
  };
}

/** Keystone's refusals of an update that would move the project or break its branch's enabled rule. */
function checkProjectUpdate(d: AppDeps, p: Project, req: UpdateProjectRequest): void {
  const id = p.metadata.name;
  refuseImmutableUpdate('project', id, p.spec.options, req);
  if (req.domain_id != null && req.domain_id !== p.spec.domainId) throw badRequest('Update of `domain_id` is not allowed.');
  if (req.is_domain === true) throw badRequest('Update of `is_domain` is not allowed.');
  if (req.parent_id !== undefined && (req.parent_id ?? p.spec.domainId) !== (p.spec.parentId ?? p.spec.domainId)) throw forbidden('Update of `parent_id` is not allowed.');
  if (req.enabled === false && subtreeOf(d.stores, id).some((c) => c.spec.enabled !== false)) throw forbidden(`Cannot disable project ${id} since its subtree contains enabled projects.`);
  if (req.enabled === true && parentsOf(d.stores, p).some((x) => x.spec.enabled === false)) throw forbidden(`Cannot enable project ${id} since it has disabled parents.`);
}

export function updateProjectHandler(d: AppDeps): Handler<{ project: UpdateProjectRequest }> {
  return async (ctx) => {
    const req = ctx.body.project;
    const dom = domainProject(d, ctx.params.projectId);
    if (dom) return { body: { project: domainAsProjectView(ctx.baseUrl, await updateDomainProject(d, dom, req)) } };
    const current = findProject(d, ctx.params.projectId);
    const id = current.metadata.name;
    checkProjectUpdate(d, current, req);
    const to = projectClaim(current.spec.domainId, req.name ?? current.spec.name, id);
    const write = (): Promise<Project | undefined> => d.stores.projects.update(id, undefined, (p) => ({ ...p, spec: applyProjectUpdate(p.spec, req) }));
    const updated = await withRenamedClaim(d.stores, projectNameKey(current.spec.domainId, current.spec.name), to, write);
    if (!updated) throw notFound(`Could not find project: ${id}.`);
    return { body: { project: projectView(ctx.baseUrl, updated) } };
  };
}

/** Keystone's refusal to delete a project with sub-projects (no cascade option here). */
export function refuseNonLeaf(d: AppDeps, id: string): void {
  if (childrenOf(d.stores, id).length) {
    throw forbidden(`Cannot delete the project ${id} since it is not a leaf in the hierarchy. Use the cascade option if you want to delete a whole subtree.`);
  }
}
