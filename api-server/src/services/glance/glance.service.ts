// Glance (image) v2, mounted at /image.
import { noQuery } from '../../common/parameter-types.js';
import type { RouteContext, RouteResult } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import type { ServiceDef } from '../../common/router.js';
import type { Stores } from '../../deps.js';
import { imageRoutes } from './images/images.routes.js';

function versions(ctx: RouteContext): object {
  const entry = (id: string, status: string): object => ({
    id,
    status,
    links: [{ rel: 'self', href: `${ctx.baseUrl}/image/v2/` }],
  });
  return { versions: [entry('v2.16', 'CURRENT'), entry('v2.0', 'SUPPORTED')] };
}

/** Glance answers discovery with 300 Multiple Choices, which Tempest checks. */
const discovery = async (ctx: RouteContext): Promise<RouteResult> => ({ status: 300, body: versions(ctx) });

export function glanceService(stores: Stores): ServiceDef {
  const root = { auth: 'none' as const, bodySchema: null, querySchema: noQuery, successStatus: 300, expectedErrors: [] };
  return {
    name: 'image',
    faultStyle: 'glance',
    routes: [
      legacyRoute({ ...root, method: 'get', path: '/', handler: discovery }),
      legacyRoute({ ...root, method: 'get', path: '/versions', handler: discovery }),
      ...imageRoutes(stores),
    ],
  };
}
