// The filters of GET /v3/users: exact name, domain, enabled, and password_expires_at
// ({lt,lte,gt,gte,eq,neq}:<timestamp>, Keystone's comparison filter; plain means eq).
import type { User } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { lastQueryValue } from '../../../common/pagination.js';
import { matchesQuery, queryFlag } from '../collection.js';
import type { ListUsersQuery } from './users.schema.js';

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b, lte: (a, b) => a <= b, gt: (a, b) => a > b, gte: (a, b) => a >= b, eq: (a, b) => a === b, neq: (a, b) => a !== b,
};

function expiryFilter(raw: string | string[] | undefined): (u: User) => boolean {
  const v = lastQueryValue(raw);
  if (v === undefined) return () => true;
  const m = /^(?:(lt|lte|gt|gte|eq|neq):)?(.+)$/.exec(v)!;
  const at = Date.parse(m[2]);
  if (Number.isNaN(at)) throw badRequest(`Invalid password_expires_at filter: ${v}`);
  const cmp = COMPARE[m[1] ?? 'eq'];
  return (u) => u.spec.passwordExpiresAt !== undefined && cmp(Date.parse(u.spec.passwordExpiresAt), at);
}

export function userFilter(query: ListUsersQuery): (u: User) => boolean {
  const enabled = queryFlag(query.enabled);
  const expires = expiryFilter(query.password_expires_at);
  return (u) =>
    matchesQuery(query.name, u.spec.name) &&
    matchesQuery(query.domain_id, u.spec.domainId) &&
    (enabled === undefined || (u.spec.enabled !== false) === enabled) &&
    expires(u);
}
