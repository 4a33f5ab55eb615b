// One list pipeline for every collection GET (Nova servers and flavors, Glance images, Neutron
// next). A declarative table per resource (ListSpec) says which query keys filter and how, which
// keys sort, the default order, how an item is identified and how large a page may be;
// runListQuery applies it to the items the caller may see. Filters, sort_key/sort_dir,
// limit/marker and Neutron's fields= therefore behave alike everywhere, and the next link
// (pagination.ts#nextQuery) keeps every filter of the request.
import type { AuthContext } from './route.js';
import { ApiError, badRequest, forbidden } from './errors.js';
import { lastQueryValue, parseLimit, parseOffset, queryValues, type SortDir } from './pagination.js';
import { patternMatcher } from './safe-regex.js';

export type Query = Record<string, unknown>;
export type Predicate<T> = (item: T) => boolean;
/** What a sort key reads from an item; null and undefined sort first when ascending, as in MySQL. */
export type SortValue = string | number | boolean | null | undefined;

/**
 * Builds the predicate of one query key from every value the key was given, in order (a repeated
 * key keeps them all), or returns undefined to ignore the key, as Nova ignores an admin-only
 * filter from a non-admin. It may throw a 400 for a malformed value.
 */
export type FilterMatcher<T> = (values: string[], auth: AuthContext) => Predicate<T> | undefined;

export interface SortSpec {
  key: string;
  dir: SortDir;
}

export interface ListSpec<T> {
  /** The collection's name in messages: "servers", "flavors", "images". */
  collection: string;
  /** Query key → matcher. Keys not listed are ignored, as Nova ignores them at 2.1. */
  filters: Readonly<Record<string, FilterMatcher<T>>>;
  /** Applied whatever the query holds: the service's rule for absent keys (Glance hides os_hidden images). */
  baseFilter?: (query: Query, auth: AuthContext) => Predicate<T>;
  /** sort_key value → what it sorts by. */
  sortKeys: Readonly<Record<string, (item: T) => SortValue>>;
  /** Keys accepted and dropped with their direction (Nova's SERVER_LIST_IGNORE_SORT_KEY). */
  ignoredSortKeys?: readonly string[];
  /** Keys only an admin may sort by; anyone else gets 403 (Nova's host and node). */
  adminOnlySortKeys?: readonly string[];
  /** The order without sort_key. The id always breaks ties, so pages never overlap or skip. */
  defaultSort: SortSpec;
  /** Neutron: sort_key and sort_dir come in pairs. Otherwise a missing direction is the first given (Nova, Glance). */
  pairedSortDirs?: boolean;
  /** Glance: also accept `sort=name:asc,created_at:desc` (the API working group's syntax). */
  sortParam?: boolean;
  idOf: (item: T) => string;
  maxLimit: number;
  /** Page size without limit= (Glance: 25); maxLimit when absent (Nova). */
  defaultLimit?: number;
  /** The 400's message when the marker names no item the caller may see. */
  markerNotFound?: (marker: string) => string;
  /** Cinder answers an unknown marker with 404 (its MarkerNotFound is a NotFound), the others 400. */
  markerNotFoundStatus?: 400 | 404;
  /** Neutron: `fields=id&fields=name` returns only those attributes of each item. */
  fields?: boolean;
  /** Cinder: `offset=N` skips N more items after the marker. */
  offset?: boolean;
  /** Cinder: a full page links to the next one even when it is the last (the next page is then empty). */
  nextWhenFull?: boolean;
}

export interface ListPage<T> {
  items: T[];
  /** How many items matched the filters, before paging (Cinder's with_count). */
  total: number;
  /** The last item's id, present only when more items follow. */
  nextMarker?: string;
  /** The attributes to return (fields=), when the spec supports it and the client asked. */
  fields?: string[];
}

function requestedSort<T>(spec: ListSpec<T>, query: Query): { keys: string[]; dirs: string[] } {
  const sort = lastQueryValue(query.sort);
  if (!spec.sortParam || sort === undefined) {
    return { keys: queryValues(query.sort_key).map((k) => k.trim()), dirs: queryValues(query.sort_dir).map((d) => d.trim()) };
  }
  if (query.sort_key !== undefined || query.sort_dir !== undefined) throw badRequest('Old and new sorting syntax cannot be combined');
  const pairs = sort.split(',').map((part) => part.split(':').map((s) => s.trim()));
  return { keys: pairs.map(([k]) => k), dirs: pairs.map(([, d]) => d || spec.defaultSort.dir) };
}

function checkSortKey<T>(spec: ListSpec<T>, key: string, auth: AuthContext): void {
  if (!Object.hasOwn(spec.sortKeys, key)) {
    throw badRequest(`Invalid sort key: ${key}. It must be one of the following: ${Object.keys(spec.sortKeys).join(', ')}.`);
  }
  if (spec.adminOnlySortKeys?.includes(key) && !auth.isAdmin) throw forbidden(`Only administrators can sort ${spec.collection} by ${key}`);
}

function checkSortDirs<T>(spec: ListSpec<T>, keys: string[], dirs: string[]): void {
  if (spec.pairedSortDirs && dirs.length !== keys.length) throw badRequest('The number of sort_keys and sort_dirs must be same');
  if (dirs.length > Math.max(keys.length, 1)) throw badRequest('Sort direction size exceeds sort key size');
  if (dirs.some((d) => d !== 'asc' && d !== 'desc')) throw badRequest("Unknown sort direction, must be 'desc' or 'asc'");
}

/** The requested order, validated: unknown key 400, admin-only key 403, bad direction 400. */
export function parseSort<T>(spec: ListSpec<T>, query: Query, auth: AuthContext): SortSpec[] {
  const { keys, dirs } = requestedSort(spec, query);
  const out: SortSpec[] = [];
  keys.forEach((key, i) => {
    if (spec.ignoredSortKeys?.includes(key)) return;
    checkSortKey(spec, key, auth);
    out.push({ key, dir: (dirs[i] ?? dirs[0] ?? spec.defaultSort.dir) as SortDir });
  });
  checkSortDirs(spec, keys, dirs);
  return out.length ? out : [{ key: spec.defaultSort.key, dir: (dirs[0] as SortDir | undefined) ?? spec.defaultSort.dir }];
}

function compareValues(x: SortValue, y: SortValue): number {
  if (x === y) return 0;
  if (x === null || x === undefined) return -1;
  if (y === null || y === undefined) return 1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const [a, b] = [String(x), String(y)];
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order: the sort keys in turn, then the id in the first key's direction. */
export function comparator<T>(spec: ListSpec<T>, sort: SortSpec[]): (a: T, b: T) => number {
  const keys = sort.map((s) => ({ value: spec.sortKeys[s.key], sign: s.dir === 'asc' ? 1 : -1 }));
  keys.push({ value: spec.idOf, sign: sort[0].dir === 'asc' ? 1 : -1 });
  return (a, b) => {
    for (const k of keys) {
      const c = compareValues(k.value(a), k.value(b));
      if (c !== 0) return c * k.sign;
    }
    return 0;
  };
}

function predicates<T>(spec: ListSpec<T>, query: Query, auth: AuthContext): Predicate<T>[] {
  const out = spec.baseFilter ? [spec.baseFilter(query, auth)] : [];
  for (const [key, matcher] of Object.entries(spec.filters)) {
    const values = queryValues(query[key]);
    const p = values.length ? matcher(values, auth) : undefined;
    if (p) out.push(p);
  }
  return out;
}

/**
 * The item the marker names. It is looked up among everything the caller may see, not only what
 * passes the filters (as Nova's and Glance's databases do), and the page starts after its place in
 * the order, so a marker that no longer matches the filters still pages correctly.
 */
function markerItem<T>(spec: ListSpec<T>, visible: T[], marker: string | undefined): T | undefined {
  if (!marker) return undefined;
  const at = visible.find((item) => spec.idOf(item) === marker);
  if (at === undefined) throw new ApiError(spec.markerNotFoundStatus ?? 400, spec.markerNotFound?.(marker) ?? `marker [${marker}] not found`);
  return at;
}

function startAfter<T>(sorted: T[], order: (a: T, b: T) => number, at: T | undefined): number {
  if (at === undefined) return 0;
  const next = sorted.findIndex((item) => order(item, at) > 0);
  return next < 0 ? sorted.length : next;
}

function fieldsOf<T>(spec: ListSpec<T>, query: Query): string[] | undefined {
  const fields = spec.fields ? queryValues(query.fields).filter(Boolean) : [];
  return fields.length ? fields : undefined;
}

/** Filters, sorts and pages `visible` (what the caller may see) as the query asks. */
export function runListQuery<T>(spec: ListSpec<T>, visible: T[], query: Query, auth: AuthContext): ListPage<T> {
  const order = comparator(spec, parseSort(spec, query, auth));
  const keep = predicates(spec, query, auth);
  const limit = parseLimit(query.limit, spec.maxLimit, spec.defaultLimit);
  const sorted = visible.filter((item) => keep.every((p) => p(item))).sort(order);
  const start = startAfter(sorted, order, markerItem(spec, visible, lastQueryValue(query.marker))) + (spec.offset ? parseOffset(query.offset) : 0);
  const items = sorted.slice(start, start + limit);
  const full = spec.nextWhenFull === true && items.length === limit;
  const more = items.length > 0 && (start + limit < sorted.length || full);
  const fields = fieldsOf(spec, query);
  return { items, total: sorted.length, ...(more ? { nextMarker: spec.idOf(items[items.length - 1]) } : {}), ...(fields ? { fields } : {}) };
}

/** Only the requested attributes of a view (Neutron's fields=); the whole view without fields. */
export function pickFields<V extends object>(view: V, fields: string[] | undefined): Partial<V> {
  if (!fields) return view;
  return Object.fromEntries(Object.entries(view).filter(([k]) => fields.includes(k))) as Partial<V>;
}

// Matchers for the common filter shapes.

/** Exact match on any of the values (a repeated key is an OR), as Neutron's attribute filters. */
export function anyOf<T>(valueOf: (item: T) => SortValue | readonly SortValue[]): FilterMatcher<T> {
  return (values) => {
    const wanted = new Set(values);
    return (item) => ([] as SortValue[]).concat(valueOf(item)).some((v) => v !== null && v !== undefined && wanted.has(String(v)));
  };
}

/** The last value as a regular expression, matched linearly (Nova's name and ip filters). */
export function patternFilter<T>(textsOf: (item: T) => string | readonly string[]): FilterMatcher<T> {
  return (values) => {
    const matches = patternMatcher(values[values.length - 1]);
    return (item) => ([] as string[]).concat(textsOf(item)).some((t) => matches(t));
  };
}

/** Items carrying every one of the values (Glance's repeated tag=). */
export function allTags<T>(tagsOf: (item: T) => readonly string[]): FilterMatcher<T> {
  return (values) => (item) => values.every((t) => tagsOf(item).includes(t));
}

const splitTags = (values: string[]): string[] => values.flatMap((v) => v.split(',')).filter(Boolean);

/** Neutron's (and Nova 2.26's) tag filters; each value is a comma-separated list of tags. */
export function tagFilters<T>(tagsOf: (item: T) => readonly string[]): Record<'tags' | 'tags-any' | 'not-tags' | 'not-tags-any', FilterMatcher<T>> {
  const every = (values: string[]): Predicate<T> => {
    const wanted = splitTags(values);
    return (item) => wanted.every((t) => tagsOf(item).includes(t));
  };
  const some = (values: string[]): Predicate<T> => {
    const wanted = splitTags(values);
    return (item) => wanted.some((t) => tagsOf(item).includes(t));
  };
  return {
    tags: every,
    'tags-any': some,
    'not-tags': (values) => ((p) => (item: T) => !p(item))(every(values)),
    'not-tags-any': (values) => ((p) => (item: T) => !p(item))(some(values)),
  };
}
