// Shapes and query helpers shared by Keystone's collection endpoints.
import type { RouteContext } from '../../common/route.js';
import { forbidden, type ApiError } from '../../common/errors.js';

/** The externally visible URL of a v3 resource path such as "projects/<id>". */
export function v3Url(baseUrl: string, path: string): string {
  return `${baseUrl}/identity/v3/${path}`;
}

export interface CollectionLinks {
  self: string;
  next: null;
  previous: null;
}

/** Keystone never pages these collections, so next and previous are always null. */
export function collectionLinks(ctx: RouteContext): CollectionLinks {
  return { self: `${ctx.baseUrl}${ctx.req.originalUrl}`, next: null, previous: null };
}

export function collection<T>(ctx: RouteContext, key: string, items: T[]): Record<string, unknown> {
  return { [key]: items, links: collectionLinks(ctx) };
}

/** A repeated query key (`?a=1&a=2`) counts as its last value, as in webob. */
export function queryValue(query: Record<string, unknown>, key: string): string | undefined {
  const raw = query[key];
  if (Array.isArray(raw)) return raw.length ? String(raw[raw.length - 1]) : undefined;
  return typeof raw === 'string' ? raw : undefined;
}

/** Keystone's boolean filters: "0" and false-ish words are false, any other value (even "") is true. */
export function queryFlag(query: Record<string, unknown>, key: string): boolean | undefined {
  const v = queryValue(query, key);
  if (v === undefined) return undefined;
  return !['0', 'false', 'no', 'off', 'f', 'n'].includes(v.toLowerCase());
}

/** Keystone's policy-denied message names the rule that was checked. */
export function policyDenied(action: string): ApiError {
  return forbidden(`You are not authorized to perform the requested action: identity:${action}.`);
}

export function byNameThenId<T extends { metadata: { name: string }; spec: { name: string } }>(a: T, b: T): number {
  return a.spec.name.localeCompare(b.spec.name) || a.metadata.name.localeCompare(b.metadata.name);
}
