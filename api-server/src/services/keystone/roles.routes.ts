// The read-only /v3/roles routes (mutations come later).
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import type { Stores } from '../../deps.js';
import { listRolesQuery } from './roles.schema.js';
import { listRolesHandler, showRoleHandler } from './roles.handlers.js';

export function roleRoutes(stores: Stores): RouteDef[] {
  return [
    legacyRoute({
      method: 'get',
      path: '/v3/roles',
      auth: 'token',
      bodySchema: null,
      querySchema: listRolesQuery,
      successStatus: 200,
      expectedErrors: [400, 403],
      handler: listRolesHandler(stores),
    }),
    legacyRoute({
      method: 'get',
      path: '/v3/roles/:roleId',
      auth: 'token',
      bodySchema: null,
      querySchema: noQuery,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: showRoleHandler(stores),
    }),
  ];
}
