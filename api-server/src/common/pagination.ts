// The primitives of list queries: reading query values the way OpenStack's WSGI stacks do, the
// page limit, and the query string of the next page. list-query.ts composes them into the one
// list pipeline every collection uses.
import { badRequest } from './errors.js';

export type SortDir = 'asc' | 'desc';

/** Every value of a query key, in order: `?a=1&a=2` gives ['1', '2'], an absent key []. */
export function queryValues(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
}

/** A query value that may repeat (`?a=1&a=2`): the last one wins, as in webob. */
export function lastQueryValue(raw: unknown): string | undefined {
  const values = queryValues(raw);
  return values.length ? values[values.length - 1] : undefined;
}

/** Python clients send booleans as True/False; OSC sends the literal None for "no filter". */
export function parseBoolQuery(raw: unknown): boolean | undefined {
  const v = lastQueryValue(raw)?.toLowerCase();
  if (v === undefined) return undefined;
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
  if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false;
  return undefined;
}

/** The page size: the client's limit capped at `max`, `fallback` when absent (Nova: max, Glance: 25). */
export function parseLimit(raw: unknown, max: number, fallback = max): number {
  const v = lastQueryValue(raw);
  if (v === undefined || v === '') return Math.min(fallback, max);
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`limit must be a non-negative integer, got '${v}'.`);
  return Math.min(n, max);
}

/** How many items to skip (Cinder's offset=): a non-negative integer, 0 when absent. */
export function parseOffset(raw: unknown): number {
  const v = lastQueryValue(raw);
  if (v === undefined || v === '') return 0;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw badRequest(`offset must be a non-negative integer, got '${v}'.`);
  return n;
}

/** The query of the next page: every filter of this one (repeats kept), with the new marker. */
export function nextQuery(query: Record<string, unknown>, marker: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === 'marker') continue;
    for (const item of queryValues(v)) params.append(k, item);
  }
  params.set('marker', marker);
  return params.toString();
}
