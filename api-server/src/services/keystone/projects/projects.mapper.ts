// Keystone's project request <-> Project CR.
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import type { Project } from '../../../../../crds/types.generated.js';
import { extraOf, optionsOf } from '../domains/domains.mapper.js';
import type { CreateProjectRequest, UpdateProjectRequest } from './projects.schema.js';

const PROJECT_KEYS = ['name', 'description', 'enabled', 'tags', 'options', 'domain_id', 'parent_id', 'is_domain'] as const;

export function toProjectResource(id: string, req: CreateProjectRequest, place: { domainId: string; parentId?: string }): Project {
  return {
    ...typeMeta(Resources.Project),
    metadata: { name: id, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: {
      name: req.name,
      domainId: place.domainId,
      ...(place.parentId ? { parentId: place.parentId } : {}),
      description: req.description ?? '',
      enabled: req.enabled ?? true,
      tags: [...new Set(req.tags ?? [])],
      options: optionsOf(req.options),
      extra: extraOf(req, PROJECT_KEYS),
    },
  };
}

export function applyProjectUpdate(spec: Project['spec'], req: UpdateProjectRequest): Project['spec'] {
  return {
    ...spec,
    ...(req.name !== undefined ? { name: req.name } : {}),
    ...(req.description !== undefined ? { description: req.description ?? '' } : {}),
    ...(req.enabled !== undefined ? { enabled: req.enabled } : {}),
    ...(req.tags !== undefined ? { tags: [...new Set(req.tags)] } : {}),
    options: optionsOf(req.options, spec.options),
    extra: { ...spec.extra, ...extraOf(req, PROJECT_KEYS) },
  };
}
