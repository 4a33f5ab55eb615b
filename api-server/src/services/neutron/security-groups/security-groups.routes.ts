// The /v2.0/security-groups routes; policies as for networks (the default-group rules are in the handlers).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { Stores } from '../../../deps.js';
import {
  createSecurityGroupBody,
  listQuery,
  listSecurityGroupsResponse,
  securityGroupResponse,
  showSecurityGroupResponse,
  updateSecurityGroupBody,
} from './security-groups.schema.js';
import {
  createSecurityGroupHandler,
  deleteSecurityGroupHandler,
  listSecurityGroupsHandler,
  showSecurityGroupHandler,
  updateSecurityGroupHandler,
} from './security-groups.handlers.js';

export function securityGroupRoutes(stores: Stores): RouteDef[] {
  const item = '/v2.0/security-groups/:securityGroupId';
  return [
    defineRoute({
      method: 'post', path: '/v2.0/security-groups', policy: 'member', body: createSecurityGroupBody, query: noQuery,
      response: securityGroupResponse, successStatus: 201, expectedErrors: [400, 403, 409], handler: createSecurityGroupHandler(stores),
    }),
    defineRoute({
      method: 'get', path: '/v2.0/security-groups', policy: 'reader', body: null, query: listQuery,
      response: listSecurityGroupsResponse, successStatus: 200, expectedErrors: [400, 409], handler: listSecurityGroupsHandler(stores),
    }),
    defineRoute({
      method: 'get', path: item, policy: 'reader', body: null, query: listQuery,
      response: showSecurityGroupResponse, successStatus: 200, expectedErrors: [404], handler: showSecurityGroupHandler(stores),
    }),
    defineRoute({
      method: 'put', path: item, policy: 'member', body: updateSecurityGroupBody, query: noQuery,
      response: securityGroupResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409, 412], handler: updateSecurityGroupHandler(stores),
    }),
    defineRoute({
      method: 'delete', path: item, policy: 'member', body: null, query: noQuery,
      response: null, successStatus: 204, expectedErrors: [403, 404, 409, 412], handler: deleteSecurityGroupHandler(stores),
    }),
  ];
}
