// /v3/roles: Keystone's role definitions, read and written by admins only.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import { createRoleBody, listRolesQuery, listRolesResponse, showRoleResponse, updateRoleBody } from './roles.schema.js';
import { createRoleHandler, deleteRoleHandler, listRolesHandler, showRoleHandler, updateRoleHandler } from './roles.handlers.js';

export function roleRoutes(stores: Stores): RouteDef[] {
  const one = '/v3/roles/:roleId';
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
      method: 'post',
      path: '/v3/roles',
      policy: 'admin',
      body: createRoleBody,
      query: noQuery,
      response: showRoleResponse,
      successStatus: 201,
      expectedErrors: [400, 409],
      handler: createRoleHandler(stores),
    }),
    defineRoute({ method: 'get', path: one, policy: 'admin', body: null, query: noQuery, response: showRoleResponse, successStatus: 200, expectedErrors: [404], handler: showRoleHandler(stores) }),
    defineRoute({
      method: 'patch',
      path: one,
      policy: 'admin',
      body: updateRoleBody,
      query: noQuery,
      response: showRoleResponse,
      successStatus: 200,
      // 403: an immutable role; 409: the new name is taken.
      expectedErrors: [400, 403, 404, 409],
      handler: updateRoleHandler(stores),
    }),
    // 403: an immutable role; 409: it changed while being deleted.
    defineRoute({ method: 'delete', path: one, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [403, 404, 409], handler: deleteRoleHandler(stores) }),
  ];
}
