// /v3/users/{user_id}/credentials/OS-EC2: any valid token gets past the router; the handlers admit
// the path's user or an admin (403 for others), as Keystone's identity:ec2_* defaults do.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { createEc2CredentialBody, listEc2CredentialsResponse, showEc2CredentialResponse } from './ec2-credentials.schema.js';
import { createEc2CredentialHandler, deleteEc2CredentialHandler, listEc2CredentialsHandler, showEc2CredentialHandler } from './ec2-credentials.handlers.js';

const collection = '/v3/users/:userId/credentials/OS-EC2';
const item = `${collection}/:access`;

export function ec2CredentialRoutes(k: KeystoneDeps): RouteDef[] {
  const any = { policy: 'authenticated' as const, query: noQuery };
  return [
    defineRoute({ ...any, method: 'post', path: collection, body: createEc2CredentialBody, response: showEc2CredentialResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createEc2CredentialHandler(k) }),
    defineRoute({ ...any, method: 'get', path: collection, body: null, response: listEc2CredentialsResponse, successStatus: 200, expectedErrors: [403, 404], handler: listEc2CredentialsHandler(k) }),
    defineRoute({ ...any, method: 'get', path: item, body: null, response: showEc2CredentialResponse, successStatus: 200, expectedErrors: [403, 404], handler: showEc2CredentialHandler(k) }),
    defineRoute({ ...any, method: 'delete', path: item, body: null, response: null, successStatus: 204, expectedErrors: [403, 404], handler: deleteEc2CredentialHandler(k) }),
  ];
}
