// The read-only /v3/roles routes (mutations come later).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { listRolesQuery, listRolesResponse, showRoleResponse } from './roles.schema.js';
import { listRolesHandler, showRoleHandler } from './roles.handlers.js';

export function roleRoutes(stores: Stores): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v3/roles',
      policy: 'admin',
      body: null,
      query: listRolesQuery,
      response: listRolesResponse,
      successStatus: 200,
      expectedErrors: [400],
      handler: listRolesHandler(stores),
    }),
    defineRoute({
      method: 'get',
      path: '/v3/roles/:roleId',
      policy: 'admin',
      body: null,
      query: noQuery,
      response: showRoleResponse,
      successStatus: 200,
      expectedErrors: [404],
      handler: showRoleHandler(stores),
    }),
  ];
}
