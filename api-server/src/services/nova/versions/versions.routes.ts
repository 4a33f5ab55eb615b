// Nova's version discovery routes: GET /compute, /compute/v2 and /compute/v2.1.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import { listVersionsResponse, showVersionResponse } from './versions.schema.js';
import { listVersionsHandler, showVersionHandler } from './versions.handlers.js';

const discovery = { method: 'get' as const, policy: 'public' as const, body: null, query: noQuery, successStatus: 200, expectedErrors: [] };

export const versionRoutes: RouteDef[] = [
  defineRoute({ ...discovery, path: '/', response: listVersionsResponse, handler: listVersionsHandler }),
  defineRoute({ ...discovery, path: '/v2', response: showVersionResponse, handler: showVersionHandler('v2.0') }),
  defineRoute({ ...discovery, path: '/v2.1', response: showVersionResponse, handler: showVersionHandler('v2.1') }),
];
