// User CR -> Keystone's user document (wire contract §1.5). The password never appears.
import type { User } from '../../../../crds/types.generated.js';
import { v3Url } from './collection.js';

export function showUser(baseUrl: string, u: User): Record<string, unknown> {
  return {
    id: u.metadata.name,
    name: u.spec.name,
    domain_id: u.spec.domainId,
    enabled: u.spec.enabled !== false,
    ...(u.spec.defaultProjectId ? { default_project_id: u.spec.defaultProjectId } : {}),
    ...(u.spec.description !== undefined ? { description: u.spec.description } : {}),
    ...(u.spec.email !== undefined ? { email: u.spec.email } : {}),
    password_expires_at: null,
    options: {},
    links: { self: v3Url(baseUrl, `users/${u.metadata.name}`) },
  };
}
