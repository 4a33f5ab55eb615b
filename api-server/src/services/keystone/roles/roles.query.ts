// The filters of GET /v3/roles: exact name, and domain_id (global roles have none, so they only
// match when no domain is asked for).
import type { Role } from '../../../../../crds/types.generated.js';
import { matchesQuery } from '../collection.js';
import type { ListRolesQuery } from './roles.schema.js';

export function roleFilter(query: ListRolesQuery): (r: Role) => boolean {
  return (r) => matchesQuery(query.name, r.spec.name) && matchesQuery(query.domain_id, r.spec.domainId ?? null);
}
