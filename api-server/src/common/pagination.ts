// Marker/limit pagination over an in-memory, already-filtered collection, shared by the services.
import { badRequest } from './errors.js';

export interface PageRequest {
  limit?: string;
  marker?: string;
}

export interface Page<T> {
  items: T[];
  /** The marker for the next page, present only when more items exist. */
  nextMarker?: string;
}

export function parseLimit(raw: string | undefined, max: number): number {
  if (raw === undefined || raw === '') return max;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`limit must be a non-negative integer, got '${raw}'.`);
  return Math.min(n, max);
}

/** Pages `items` (already sorted); an unknown marker is a 400, as in Nova and Glance. */
export function paginate<T>(items: T[], idOf: (t: T) => string, req: PageRequest, maxLimit: number): Page<T> {
  const limit = parseLimit(req.limit, maxLimit);
  let start = 0;
  if (req.marker) {
    const at = items.findIndex((t) => idOf(t) === req.marker);
    if (at < 0) throw badRequest(`marker [${req.marker}] not found`);
    start = at + 1;
  }
  const pageItems = items.slice(start, start + limit);
  const more = start + limit < items.length && pageItems.length > 0;
  return { items: pageItems, nextMarker: more ? idOf(pageItems[pageItems.length - 1]) : undefined };
}

export type SortDir = 'asc' | 'desc';

export function compareBy<T>(key: (t: T) => string | number, dir: SortDir): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return dir === 'asc' ? c : -c;
  };
}

/** The query of the next page: every filter of this one, with the new marker. */
export function nextQuery(query: Record<string, unknown>, marker: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === 'marker') continue;
    for (const item of Array.isArray(v) ? v : [v]) if (typeof item === 'string') params.append(k, item);
  }
  params.set('marker', marker);
  return params.toString();
}

/** Python clients send booleans as True/False; OSC sends the literal None for "no filter". */
export function parseBoolQuery(raw: unknown): boolean | undefined {
  if (typeof raw !== 'string') return undefined;
  const v = raw.toLowerCase();
  if (['true', '1', 'yes', 'on', 't'].includes(v)) return true;
  if (['false', '0', 'no', 'off', 'f'].includes(v)) return false;
  return undefined;
}

/** A query value that may repeat (`?a=1&a=2`): the last one wins, as in webob. */
export function lastQueryValue(raw: unknown): string | undefined {
  if (Array.isArray(raw)) return raw.length ? String(raw[raw.length - 1]) : undefined;
  return typeof raw === 'string' ? raw : undefined;
}
