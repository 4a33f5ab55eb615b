// The read-only /v3/users routes (mutations come later).
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import type { Stores } from '../../deps.js';
import { listUsersQuery } from './users.schema.js';
import { listUsersHandler, showUserHandler } from './users.handlers.js';

export function userRoutes(stores: Stores): RouteDef[] {
  return [
    legacyRoute({
      method: 'get',
      path: '/v3/users',
      auth: 'token',
      bodySchema: null,
      querySchema: listUsersQuery,
      successStatus: 200,
      expectedErrors: [400, 403],
      handler: listUsersHandler(stores),
    }),
    legacyRoute({
      method: 'get',
      path: '/v3/users/:userId',
      auth: 'token',
      bodySchema: null,
      querySchema: noQuery,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: showUserHandler(stores),
    }),
  ];
}
