// Handler types shared by Keystone's route modules.
import type { Static } from '@sinclair/typebox';
import type { noQuery } from '../../common/parameter-types.js';
import type { RouteContext, RouteResult } from '../../common/route.js';

/** What a route without query parameters receives. */
export type NoQuery = Static<typeof noQuery>;

/** A handler for a route with body B and query Q (the Static types of its schemas). */
export type Handler<B = undefined, Q = NoQuery> = (ctx: RouteContext<B, Q>) => Promise<RouteResult>;

/** Most handlers only read the informer caches and need no await; the router wants a promise. */
export function syncHandler<B = undefined, Q = NoQuery>(fn: (ctx: RouteContext<B, Q>) => RouteResult): Handler<B, Q> {
  return (ctx) => new Promise((resolve) => resolve(fn(ctx)));
}
