// Cinder's version discovery: GET /volume (300 Multiple Choices, as Cinder answers its root) and
// GET /volume/v3 (200). Both list v3 only: v2 was removed from Cinder in Xena.
import type { Static } from '@sinclair/typebox';
import { defineRoute, type RouteDef, type RouteResult } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { MAX_VERSION, MIN_VERSION } from '../cinder.microversion.js';
import { versionsResponse, type version } from './versions.schema.js';

function v3(base: string): Static<typeof version> {
  return {
    id: 'v3.0',
    status: 'CURRENT',
    version: MAX_VERSION,
    min_version: MIN_VERSION,
    updated: '2016-02-08T12:20:21Z',
    links: [
      { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
      { rel: 'self', href: `${base}/volume/v3/` },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
  };
}

const discovery = { method: 'get' as const, policy: 'public' as const, body: null, query: noQuery, response: versionsResponse, expectedErrors: [] };
const answer = (status: number) => async (ctx: { baseUrl: string }): Promise<RouteResult> => ({ status, body: { versions: [v3(ctx.baseUrl)] } });

export const versionRoutes: RouteDef[] = [
  defineRoute({ ...discovery, path: '/', successStatus: 300, handler: answer(300) }),
  defineRoute({ ...discovery, path: '/v3', successStatus: 200, handler: answer(200) }),
];
