// Who may call each route of Keystone's application credentials, scoped tokens, the catalog's
// services, endpoints, regions and endpoint groups, and policy records (the rest must get 403),
// per Keystone's default policies.
import { ADMINS, ANY, type Persona } from './personas.common.js';

const APP_CREDS = '/identity/v3/users/:userId/application_credentials';
const APP_CRED = `${APP_CREDS}/:applicationCredentialId`;

/** Admin-only create, update and delete (Keystone's identity:create_*, update_*, delete_*). */
function adminWrites(collection: string, member: string, memberMethods: string[]): Record<string, Persona[]> {
  return Object.fromEntries([[`POST ${collection}`, ADMINS], ...memberMethods.map((m) => [`${m} ${member}`, ADMINS])]);
}

const EC2_CREDS = '/identity/v3/users/:userId/credentials/OS-EC2';
const ENDPOINT_GROUPS = '/identity/v3/OS-EP-FILTER/endpoint_groups';
const ENDPOINT_GROUP = `${ENDPOINT_GROUPS}/:endpointGroupId`;

export const AUTH_EXPECTED: Record<string, Persona[]> = {
  'GET /identity/v3/auth/system': ANY,
  // :userId is alice, the member: only she creates her own (not even an admin creates for another user);
  // she and admins read and delete them.
  [`POST ${APP_CREDS}`]: ['member'],
  [`GET ${APP_CREDS}`]: [...ADMINS, 'member'],
  [`GET ${APP_CRED}`]: [...ADMINS, 'member'],
  [`DELETE ${APP_CRED}`]: [...ADMINS, 'member'],
  // identity:list_services, get_service, list_endpoints, get_endpoint: admin.
  'GET /identity/v3/services': ADMINS,
  'GET /identity/v3/services/:serviceId': ADMINS,
  'GET /identity/v3/endpoints': ADMINS,
  'GET /identity/v3/endpoints/:endpointId': ADMINS,
  // identity:list_regions and get_region: any valid token.
  'GET /identity/v3/regions': ANY,
  'GET /identity/v3/regions/:regionId': ANY,
  ...adminWrites('/identity/v3/services', '/identity/v3/services/:serviceId', ['PATCH', 'DELETE']),
  ...adminWrites('/identity/v3/endpoints', '/identity/v3/endpoints/:endpointId', ['PATCH', 'DELETE']),
  ...adminWrites('/identity/v3/regions', '/identity/v3/regions/:regionId', ['PUT', 'PATCH', 'DELETE']),
  // identity:*_endpoint_group: admin.
  [`GET ${ENDPOINT_GROUPS}`]: ADMINS,
  [`GET ${ENDPOINT_GROUP}`]: ADMINS,
  [`HEAD ${ENDPOINT_GROUP}`]: ADMINS,
  ...adminWrites(ENDPOINT_GROUPS, ENDPOINT_GROUP, ['PATCH', 'DELETE']),
  // identity:*_credential: the credential's user or an admin, checked on the credential (an unknown
  // one is 404 for all; a non-admin lists only their own; the matrix's empty body is 400 for all).
  'GET /identity/v3/credentials': ANY,
  'POST /identity/v3/credentials': ANY,
  'GET /identity/v3/credentials/:credentialId': ANY,
  'PATCH /identity/v3/credentials/:credentialId': ANY,
  'DELETE /identity/v3/credentials/:credentialId': ANY,
  // identity:ec2_*_credential: the path's user (alice, the member) or an admin.
  [`POST ${EC2_CREDS}`]: [...ADMINS, 'member'],
  [`GET ${EC2_CREDS}`]: [...ADMINS, 'member'],
  [`GET ${EC2_CREDS}/:access`]: [...ADMINS, 'member'],
  [`DELETE ${EC2_CREDS}/:access`]: [...ADMINS, 'member'],
  // identity:*_policy: admin.
  'GET /identity/v3/policies': ADMINS,
  'GET /identity/v3/policies/:policyId': ADMINS,
  ...adminWrites('/identity/v3/policies', '/identity/v3/policies/:policyId', ['PATCH', 'DELETE']),
};

/** Values for this area's own path parameters (those the shared table in personas.test.ts lacks). */
export const AUTH_PARAMS: Record<string, string> = {
  applicationCredentialId: '00000000000000000000000000000acd',
  serviceId: 'no-such-service',
  endpointId: 'no-such-endpoint',
  // Unknown ids (404 past the policy); the deployment's own RegionOne would answer a delete with a
  // 403 that is not the policy's.
  regionId: 'no-such-region',
  endpointGroupId: 'no-such-endpoint-group',
  policyId: 'no-such-policy',
  credentialId: 'no-such-credential',
  access: 'no-such-access-key',
};
