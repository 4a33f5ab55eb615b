// /v3/auth/tokens: issue (POST), validate (GET), check (HEAD) and revoke (DELETE).
import type { RouteDef } from '../../common/route.js';
import { legacyRoute } from '../../common/legacy-route.js';
import { noQuery } from '../../common/parameter-types.js';
import type { KeystoneDeps } from './keystone.deps.js';
import { issueTokenBody, issueTokenQuery, validateTokenQuery } from './tokens.schema.js';
import { checkTokenHandler, issueTokenHandler, revokeTokenHandler, validateTokenHandler } from './tokens.handlers.js';

export function tokenRoutes(k: KeystoneDeps): RouteDef[] {
  return [
    legacyRoute({
      method: 'post',
      path: '/v3/auth/tokens',
      auth: 'none',
      bodySchema: issueTokenBody,
      querySchema: issueTokenQuery,
      successStatus: 201,
      expectedErrors: [400, 401],
      handler: issueTokenHandler(k),
    }),
    // HEAD before GET: Express would otherwise answer HEAD with the GET route.
    legacyRoute({
      method: 'head',
      path: '/v3/auth/tokens',
      auth: 'token',
      bodySchema: null,
      querySchema: validateTokenQuery,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: checkTokenHandler(k),
    }),
    legacyRoute({
      method: 'get',
      path: '/v3/auth/tokens',
      auth: 'token',
      bodySchema: null,
      querySchema: validateTokenQuery,
      successStatus: 200,
      expectedErrors: [403, 404],
      handler: validateTokenHandler(k),
    }),
    legacyRoute({
      method: 'delete',
      path: '/v3/auth/tokens',
      auth: 'token',
      bodySchema: null,
      querySchema: noQuery,
      successStatus: 204,
      expectedErrors: [403, 404],
      handler: revokeTokenHandler(k),
    }),
  ];
}
