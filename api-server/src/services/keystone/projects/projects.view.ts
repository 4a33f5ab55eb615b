// Project CR -> Keystone's project document (wire contract §1.5), extra attributes included, and
// the hierarchy views show adds on request (parents_as_list / subtree_as_list, *_as_ids).
import type { Static } from '@sinclair/typebox';
import type { Project } from '../../../../../crds/types.generated.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listProjectsResponse, ProjectDocument } from './projects.schema.js';

export function projectView(baseUrl: string, p: Project): ProjectDocument {
  return {
    ...(p.spec.extra ?? {}),
    id: p.metadata.name,
    name: p.spec.name,
    domain_id: p.spec.domainId,
    description: p.spec.description ?? '',
    enabled: p.spec.enabled !== false,
    is_domain: false,
    // A top-level project's parent is its domain, as Keystone reports it.
    parent_id: p.spec.parentId ?? p.spec.domainId,
    tags: p.spec.tags ?? [],
    options: p.spec.options ?? {},
    links: { self: v3Url(baseUrl, `projects/${p.metadata.name}`) },
  };
}

export function projectListView(baseUrl: string, links: CollectionLinks, projects: Project[]): Static<typeof listProjectsResponse> {
  return { projects: projects.map((p) => projectView(baseUrl, p)), links };
}

/** Keystone wraps each entry of parents_as_list / subtree_as_list as {"project": {...}}. */
export function wrappedProjects(baseUrl: string, projects: Project[]): { project: ProjectDocument }[] {
  return projects.map((p) => ({ project: projectView(baseUrl, p) }));
}
