// Handler types shared by Keystone's route modules.
import type { RouteContext, RouteResult } from '../../common/route.js';

export type Handler<B = unknown> = (ctx: RouteContext<B>) => Promise<RouteResult>;

/** Most handlers only read the informer caches and need no await; the router wants a promise. */
export function syncHandler<B = unknown>(fn: (ctx: RouteContext<B>) => RouteResult): Handler<B> {
  return (ctx) => new Promise((resolve) => resolve(fn(ctx)));
}
