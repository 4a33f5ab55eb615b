// /v3/users/{user_id}/application_credentials: any valid token gets past the router; the handlers
// then admit the owner (create: only the owner) or an admin, as Keystone's policies do, before
// reading the request (application-credentials.access.ts).
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import {
  createApplicationCredentialBody,
  createApplicationCredentialResponse,
  listApplicationCredentialsQuery,
  listApplicationCredentialsResponse,
  showApplicationCredentialResponse,
} from './application-credentials.schema.js';
import {
  createApplicationCredentialHandler,
  deleteApplicationCredentialHandler,
  listApplicationCredentialsHandler,
  showApplicationCredentialHandler,
} from './application-credentials.handlers.js';

const COLLECTION = '/v3/users/:userId/application_credentials';
const MEMBER = `${COLLECTION}/:applicationCredentialId`;

export function applicationCredentialRoutes(k: KeystoneDeps): RouteDef[] {
  const common = { policy: 'authenticated' as const };
  const member = { ...common, path: MEMBER, body: null, query: noQuery, expectedErrors: [403, 404] };
  return [
    defineRoute({
      ...common,
      method: 'post',
      path: COLLECTION,
      body: createApplicationCredentialBody,
      query: noQuery,
      response: createApplicationCredentialResponse,
      successStatus: 201,
      // 404: a role named that does not exist; 409: the user already has a credential of that name.
      expectedErrors: [400, 403, 404, 409],
      handler: createApplicationCredentialHandler(k),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: COLLECTION,
      body: null,
      query: listApplicationCredentialsQuery,
      response: listApplicationCredentialsResponse,
      successStatus: 200,
      expectedErrors: [400, 403, 404],
      handler: listApplicationCredentialsHandler(k),
    }),
    defineRoute({ ...member, method: 'get', response: showApplicationCredentialResponse, successStatus: 200, handler: showApplicationCredentialHandler(k) }),
    defineRoute({ ...member, method: 'delete', response: null, successStatus: 204, handler: deleteApplicationCredentialHandler(k) }),
  ];
}
