// The read-only /v3/projects routes (mutations come later).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listProjectsQuery, listProjectsResponse, showProjectResponse } from './projects.schema.js';
import { listProjectsHandler, showProjectHandler } from './projects.handlers.js';

export function projectRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v3/projects',
      policy: 'admin',
      body: null,
      query: listProjectsQuery,
      response: listProjectsResponse,
      successStatus: 200,
      expectedErrors: [400],
      handler: listProjectsHandler(stores),
    }),
    defineRoute({
      method: 'get',
      path: '/v3/projects/:projectId',
      policy: 'authenticated',
      body: null,
      query: noQuery,
      response: showProjectResponse,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: showProjectHandler(stores),
    }),
  ];
}
