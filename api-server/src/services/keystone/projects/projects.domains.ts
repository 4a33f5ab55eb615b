// Keystone models a domain as a project acting as a domain (is_domain true): POST /v3/projects
// with is_domain makes a domain, and the projects API lists (?is_domain=true), shows, updates and
// deletes domains by their ids, in the project document's shape (no domain, no parent).
import type { AppDeps } from '../../../deps.js';
import type { RouteContext } from '../../../common/route.js';
import { badRequest } from '../../../common/errors.js';
import { findDomain } from '../../../auth/default-domain.js';
import { createDomain, removeDomain, updateDomain } from '../domains/domains.handlers.js';
import type { DomainLike } from '../domains/domains.view.js';
import { v3Url } from '../collection.js';
import type { CreateProjectRequest, ProjectDocument, UpdateProjectRequest } from './projects.schema.js';

export function domainAsProjectView(baseUrl: string, dom: DomainLike): ProjectDocument {
  return {
    ...(dom.spec.extra ?? {}),
    id: dom.metadata.name,
    name: dom.spec.name,
    domain_id: null,
    description: dom.spec.description ?? '',
    enabled: dom.spec.enabled !== false,
    is_domain: true,
    parent_id: null,
    tags: dom.spec.tags ?? [],
    options: dom.spec.options ?? {},
    links: { self: v3Url(baseUrl, `projects/${dom.metadata.name}`) },
  };
}

/** The domain with this id, when a projects route names a domain rather than a project. */
export function domainProject(d: AppDeps, id: string): DomainLike | undefined {
  return d.stores.projects.get(id) ? undefined : findDomain(d.stores, id);
}

export async function createDomainProject(d: AppDeps, req: CreateProjectRequest): Promise<DomainLike> {
  if (req.parent_id || req.domain_id) throw badRequest('A project acting as a domain has neither a parent nor a domain.');
  return createDomain(d, { name: req.name, description: req.description, enabled: req.enabled, tags: req.tags, options: req.options });
}

export function updateDomainProject(d: AppDeps, dom: DomainLike, req: UpdateProjectRequest): Promise<DomainLike> {
  if (req.parent_id || req.domain_id) throw badRequest('Update of `parent_id` or `domain_id` is not allowed.');
  return updateDomain(d, dom, { name: req.name, description: req.description, enabled: req.enabled, tags: req.tags, options: req.options });
}

export function removeDomainProject<B, Q>(d: AppDeps, dom: DomainLike, ctx: RouteContext<B, Q>): Promise<void> {
  return removeDomain(d, dom, ctx);
}
