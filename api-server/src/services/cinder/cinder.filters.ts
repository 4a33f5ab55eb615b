// The list filters later Cinder microversions change, for every collection alike: from 3.31 a
// non-admin may filter only by what resource_filters.json allows (anything else is a 400, where
// before it was dropped); from 3.34 `key~` matches a substring (Cinder's LIKE); from 3.45
// `with_count=true` adds the total; from 3.60 created_at and updated_at compare times.
import { badRequest } from '../../common/errors.js';
import type { FilterMatcher, ListPage, Query } from '../../common/list-query.js';
import { parseBoolQuery } from '../../common/pagination.js';
import type { AuthContext } from '../../common/route.js';
import { at, type MV } from './cinder.microversion.js';

/** Cinder's default etc/cinder/resource_filters.json, for the collections served. */
export const RESOURCE_FILTERS = {
  volume: ['name', 'status', 'metadata', 'bootable', 'migration_status', 'availability_zone', 'group_id', 'size', 'created_at', 'updated_at', 'consumes_quota'],
  snapshot: ['name', 'status', 'volume_id', 'metadata', 'availability_zone', 'consumes_quota'],
  attachment: ['volume_id', 'status', 'instance_id', 'attach_status'],
  volume_type: ['is_public', 'extra_specs'],
} as const;

const NOT_FILTERS = new Set(['limit', 'marker', 'sort', 'sort_key', 'sort_dir', 'offset', 'all_tenants']);

/** From 3.31, a non-admin's filters outside the resource's list are Cinder's 400. */
export function checkResourceFilters(ctx: { query: Query; auth: AuthContext; microversion?: string }, resource: keyof typeof RESOURCE_FILTERS, since: keyof typeof MV = 'RESOURCE_FILTER'): void {
  const { query, auth, microversion: mv } = ctx;
  if (!at(mv, since) || auth.isAdmin) return;
  const allowed = new Set<string>(RESOURCE_FILTERS[resource]);
  const known = (k: string): boolean =>
    NOT_FILTERS.has(k) || allowed.has(k) || (k === 'with_count' && at(mv, 'SUPPORT_COUNT_INFO')) || (at(mv, 'LIKE_FILTER') && k.endsWith('~') && allowed.has(k.slice(0, -1)));
  const invalid = Object.keys(query).filter((k) => !known(k));
  if (invalid.length) throw badRequest(`Invalid filters ${invalid.join(',')} are found in query options.`);
}

/** `name~=ab` (3.34): the field contains the value, as Cinder's LIKE '%ab%'. */
export function likeFilters<T>(mv: string | undefined, fields: Record<string, (item: T) => string | undefined>): Record<string, FilterMatcher<T>> {
  if (!at(mv, 'LIKE_FILTER')) return {};
  return Object.fromEntries(Object.entries(fields).map(([key, valueOf]) => [`${key}~`, (values: string[]) => (item: T) => (valueOf(item) ?? '').includes(values[values.length - 1])]));
}

const TIME_OPS: Record<string, (a: number, b: number) => boolean> = {
  gt: (a, b) => a > b, gte: (a, b) => a >= b, eq: (a, b) => a === b, neq: (a, b) => a !== b, lt: (a, b) => a < b, lte: (a, b) => a <= b,
};

/** `created_at=gte:2026-01-01T00:00:00,lt:2026-02-01T00:00:00` (3.60): every comparison holds. */
export function timeFilter<T>(timeOf: (item: T) => string | undefined): FilterMatcher<T> {
  return (values) => {
    const checks = values[values.length - 1].split(',').map((part) => {
      const [op, ...rest] = part.split(':');
      const when = Date.parse(rest.join(':'));
      if (!TIME_OPS[op] || Number.isNaN(when)) throw badRequest(`Invalid input received: invalid time comparison filter ${part}.`);
      return (t: number): boolean => TIME_OPS[op](t, when);
    });
    return (item) => {
      const t = Date.parse(timeOf(item) ?? '');
      return !Number.isNaN(t) && checks.every((c) => c(t));
    };
  };
}

/** `count` (3.45, with with_count=true): how many matched, before paging. */
export function countField(query: Query, mv: string | undefined, page: ListPage<unknown>): { count?: number } {
  return at(mv, 'SUPPORT_COUNT_INFO') && parseBoolQuery(query.with_count) === true ? { count: page.total } : {};
}
