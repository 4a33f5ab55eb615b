// Role CR -> Keystone's role document (wire contract §1.5). Global roles have domain_id null.
import type { Static } from '@sinclair/typebox';
import type { Role } from '../../../../../crds/types.generated.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listRolesResponse, RoleDocument } from './roles.schema.js';

/** Keystone shows only the options that are set. */
function roleOptionsView(r: Role): Record<string, unknown> {
  return r.spec.options?.immutable !== undefined ? { immutable: r.spec.options.immutable } : {};
}

export function roleView(baseUrl: string, r: Role): RoleDocument {
  return {
    id: r.metadata.name,
    name: r.spec.name,
    domain_id: r.spec.domainId ?? null,
    ...(r.spec.description !== undefined ? { description: r.spec.description } : {}),
    options: roleOptionsView(r),
    links: { self: v3Url(baseUrl, `roles/${r.metadata.name}`) },
  };
}

export function roleListView(baseUrl: string, links: CollectionLinks, roles: Role[]): Static<typeof listRolesResponse> {
  return { roles: roles.map((r) => roleView(baseUrl, r)), links };
}
