// Nova's version discovery documents (GET /compute and GET /compute/v2.1).
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import { MAX_VERSION, MIN_VERSION } from './microversion.js';

function v21(base: string): object {
  return {
    id: 'v2.1',
    status: 'CURRENT',
    version: MAX_VERSION,
    min_version: MIN_VERSION,
    updated: '2013-07-23T11:33:21Z',
    links: [{ rel: 'self', href: `${base}/compute/v2.1/` }],
  };
}

function v20(base: string): object {
  return {
    id: 'v2.0',
    status: 'SUPPORTED',
    version: '',
    min_version: '',
    updated: '2011-01-21T11:33:21Z',
    links: [{ rel: 'self', href: `${base}/compute/v2/` }],
  };
}

const mediaTypes = [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }];

const v20MediaTypes = [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2' }];

export const versionRoutes: RouteDef[] = [
  legacyRoute({
    method: 'get',
    path: '/v2',
    auth: 'none',
    bodySchema: null,
    querySchema: noQuery,
    successStatus: 200,
    expectedErrors: [],
    handler: async (ctx) => ({ body: { version: { ...v20(ctx.baseUrl), 'media-types': v20MediaTypes } } }),
  }),
  legacyRoute({
    method: 'get',
    path: '/',
    auth: 'none',
    bodySchema: null,
    querySchema: noQuery,
    successStatus: 200,
    expectedErrors: [],
    handler: async (ctx) => ({ body: { versions: [v20(ctx.baseUrl), v21(ctx.baseUrl)] } }),
  }),
  legacyRoute({
    method: 'get',
    path: '/v2.1',
    auth: 'none',
    bodySchema: null,
    querySchema: noQuery,
    successStatus: 200,
    expectedErrors: [],
    handler: async (ctx) => ({ body: { version: { ...v21(ctx.baseUrl), 'media-types': mediaTypes } } }),
  }),
];
