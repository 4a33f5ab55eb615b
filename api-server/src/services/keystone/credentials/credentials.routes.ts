// /v3/credentials: any valid token gets past the router; the handlers admit the credential's user
// or an admin (credentials.access.ts), as Keystone's identity:*_credential defaults do.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { createCredentialBody, listCredentialsQuery, listCredentialsResponse, showCredentialResponse, updateCredentialBody } from './credentials.schema.js';
import { createCredentialHandler, deleteCredentialHandler, listCredentialsHandler, showCredentialHandler, updateCredentialHandler } from './credentials.handlers.js';

const item = '/v3/credentials/:credentialId';

export function credentialRoutes(k: KeystoneDeps): RouteDef[] {
  const any = { policy: 'authenticated' as const, query: noQuery };
  return [
    defineRoute({ ...any, method: 'get', path: '/v3/credentials', body: null, query: listCredentialsQuery, response: listCredentialsResponse, successStatus: 200, expectedErrors: [400], handler: listCredentialsHandler(k) }),
    defineRoute({ ...any, method: 'post', path: '/v3/credentials', body: createCredentialBody, response: showCredentialResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createCredentialHandler(k) }),
    defineRoute({ ...any, method: 'get', path: item, body: null, response: showCredentialResponse, successStatus: 200, expectedErrors: [404], handler: showCredentialHandler(k) }),
    defineRoute({ ...any, method: 'patch', path: item, body: updateCredentialBody, response: showCredentialResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409], handler: updateCredentialHandler(k) }),
    defineRoute({ ...any, method: 'delete', path: item, body: null, response: null, successStatus: 204, expectedErrors: [404], handler: deleteCredentialHandler(k) }),
  ];
}
