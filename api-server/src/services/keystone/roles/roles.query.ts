// The filters of GET /v3/roles: exact name, and domain_id. Without domain_id only global roles are
// listed, as Keystone filters on a null domain unless one is asked for.
import type { Role } from '../../../../../crds/types.generated.js';
import { lastQueryValue } from '../../../common/pagination.js';
import { matchesQuery } from '../collection.js';
import type { ListRolesQuery } from './roles.schema.js';

export function roleFilter(query: ListRolesQuery): (r: Role) => boolean {
  const domainId = lastQueryValue(query.domain_id) ?? null;
  return (r) => matchesQuery(query.name, r.spec.name) && (r.spec.domainId ?? null) === domainId;
}
