// Keystone's version discovery: GET /identity answers 300 with every version (Tempest insists on
// 300), GET /identity/v3 answers 200 with the one. keystoneauth uses the self href as the base URL
// of every later identity call, so it must be the externally visible one.
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import { syncHandler } from './handler.js';

function v3Entry(baseUrl: string): Record<string, unknown> {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${baseUrl}/identity/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

export const versionRoutes: RouteDef[] = [
  legacyRoute({
    method: 'get',
    path: '/',
    auth: 'none',
    bodySchema: null,
    querySchema: noQuery,
    successStatus: 300,
    expectedErrors: [],
    handler: syncHandler((ctx) => ({ body: { versions: { values: [v3Entry(ctx.baseUrl)] } } })),
  }),
  legacyRoute({
    method: 'get',
    path: '/v3',
    auth: 'none',
    bodySchema: null,
    querySchema: noQuery,
    successStatus: 200,
    expectedErrors: [],
    handler: syncHandler((ctx) => ({ body: { version: v3Entry(ctx.baseUrl) } })),
  }),
];
