// The filters of GET /v3/users: exact name, domain, enabled.
import type { User } from '../../../../../crds/types.generated.js';
import { matchesQuery, queryFlag } from '../collection.js';
import type { ListUsersQuery } from './users.schema.js';

export function userFilter(query: ListUsersQuery): (u: User) => boolean {
  const enabled = queryFlag(query.enabled);
  return (u) =>
    matchesQuery(query.name, u.spec.name) &&
    matchesQuery(query.domain_id, u.spec.domainId) &&
    (enabled === undefined || (u.spec.enabled !== false) === enabled);
}
