// Links, filters and refusals shared by Keystone's collection endpoints.
import type { RouteContext } from '../../common/route.js';
import { forbidden, type ApiError } from '../../common/errors.js';
import { lastQueryValue } from '../../common/pagination.js';
import type { Static } from '@sinclair/typebox';
import type { collectionLinksSchema } from './keystone.schema.js';

/** The externally visible URL of a v3 resource path such as "projects/<id>". */
export function v3Url(baseUrl: string, path: string): string {
  return `${baseUrl}/identity/v3/${path}`;
}

/** A collection's links, as its response schema describes them. */
export type CollectionLinks = Static<typeof collectionLinksSchema>;

/** Keystone never pages these collections, so next and previous are always null. */
export function collectionLinks<B, Q>(ctx: RouteContext<B, Q>): CollectionLinks {
  return { self: `${ctx.baseUrl}${ctx.req.originalUrl}`, next: null, previous: null };
}

/** Keystone's boolean filters: "0" and false-ish words are false, any other value (even "") is true. */
export function queryFlag(raw: string | string[] | undefined): boolean | undefined {
  const v = lastQueryValue(raw);
  if (v === undefined) return undefined;
  return !['0', 'false', 'no', 'off', 'f', 'n'].includes(v.toLowerCase());
}

/** An exact-match filter on a query value (the last one when the key repeats); absent matches all. */
export function matchesQuery(raw: string | string[] | undefined, actual: string | null | undefined): boolean {
  const want = lastQueryValue(raw);
  return want === undefined || want === actual;
}

/** Keystone's policy-denied message names the rule that was checked. */
export function policyDenied(action: string): ApiError {
  return forbidden(`You are not authorized to perform the requested action: identity:${action}.`);
}

export function byNameThenId<T extends { metadata: { name: string }; spec: { name: string } }>(a: T, b: T): number {
  return a.spec.name.localeCompare(b.spec.name) || a.metadata.name.localeCompare(b.metadata.name);
}
