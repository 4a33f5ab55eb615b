// The read-only /v3/users routes (mutations come later).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listUsersQuery, listUsersResponse, showUserResponse } from './users.schema.js';
import { listUsersHandler, showUserHandler } from './users.handlers.js';

export function userRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v3/users',
      policy: 'admin',
      body: null,
      query: listUsersQuery,
      response: listUsersResponse,
      successStatus: 200,
      expectedErrors: [400],
      handler: listUsersHandler(stores),
    }),
    defineRoute({
      method: 'get',
      path: '/v3/users/:userId',
      policy: 'authenticated',
      body: null,
      query: noQuery,
      response: showUserResponse,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: showUserHandler(stores),
    }),
  ];
}
