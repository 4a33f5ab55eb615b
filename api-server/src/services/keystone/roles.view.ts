// Role CR -> Keystone's role document (wire contract §1.5). Global roles have domain_id null.
import type { Role } from '../../../../crds/types.generated.js';
import { v3Url } from './collection.js';

export function showRole(baseUrl: string, r: Role): Record<string, unknown> {
  return {
    id: r.metadata.name,
    name: r.spec.name,
    domain_id: r.spec.domainId ?? null,
    ...(r.spec.description !== undefined ? { description: r.spec.description } : {}),
    options: {},
    links: { self: v3Url(baseUrl, `roles/${r.metadata.name}`) },
  };
}
