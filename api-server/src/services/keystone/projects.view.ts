// Project CR -> Keystone's project document (wire contract §1.5).
import type { Project } from '../../../../crds/types.generated.js';
import { v3Url } from './collection.js';

export function showProject(baseUrl: string, p: Project): Record<string, unknown> {
  return {
    id: p.metadata.name,
    name: p.spec.name,
    domain_id: p.spec.domainId,
    description: p.spec.description ?? '',
    enabled: p.spec.enabled !== false,
    is_domain: false,
    // A top-level project's parent is its domain, as Keystone reports it.
    parent_id: p.spec.domainId,
    tags: p.spec.tags ?? [],
    options: {},
    links: { self: v3Url(baseUrl, `projects/${p.metadata.name}`) },
  };
}
