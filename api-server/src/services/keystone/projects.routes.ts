// The read-only /v3/projects routes (mutations come later).
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import type { Stores } from '../../deps.js';
import { listProjectsQuery } from './projects.schema.js';
import { listProjectsHandler, showProjectHandler } from './projects.handlers.js';

export function projectRoutes(stores: Stores): RouteDef[] {
  return [
    legacyRoute({
      method: 'get',
      path: '/v3/projects',
      auth: 'token',
      bodySchema: null,
      querySchema: listProjectsQuery,
      successStatus: 200,
      expectedErrors: [400, 403],
      handler: listProjectsHandler(stores),
    }),
    legacyRoute({
      method: 'get',
      path: '/v3/projects/:projectId',
      auth: 'token',
      bodySchema: null,
      querySchema: noQuery,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: showProjectHandler(stores),
    }),
  ];
}
