// Glance's version discovery: GET /image (300) and GET /image/versions (200), no token needed.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { listVersionsResponse } from './versions.schema.js';
import { listVersionsHandler } from './versions.handlers.js';

const discovery = { method: 'get' as const, policy: 'public' as const, body: null, query: noQuery, response: listVersionsResponse, expectedErrors: [], handler: listVersionsHandler };

export const versionRoutes: RouteDef[] = [
  defineRoute({ ...discovery, path: '/', successStatus: 300 }),
  defineRoute({ ...discovery, path: '/versions', successStatus: 200 }),
];
