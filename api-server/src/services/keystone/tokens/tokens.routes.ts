// /v3/auth/tokens: issue (POST, public), validate (GET), check (HEAD) and revoke (DELETE), which
// any valid token may call; the handlers then admit an admin or the subject token's owner.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import { issueTokenBody, issueTokenQuery, tokenResponse, validateTokenQuery } from './tokens.schema.js';
import { checkTokenHandler, issueTokenHandler, revokeTokenHandler, validateTokenHandler } from './tokens.handlers.js';

export function tokenRoutes(k: KeystoneDeps): RouteDef[] {
  const subject = { path: '/v3/auth/tokens', policy: 'authenticated' as const, body: null, successStatus: 200, expectedErrors: [403, 404] };
  return [
    defineRoute({
      method: 'post',
      path: '/v3/auth/tokens',
      policy: 'public',
      body: issueTokenBody,
      query: issueTokenQuery,
      response: tokenResponse,
      successStatus: 201,
      // 403: re-scoping a system-scoped or application credential token (Keystone's ForbiddenAction);
      // 503: too many password checks in flight (auth/password-gate.ts).
      expectedErrors: [400, 401, 403, 503],
      handler: issueTokenHandler(k),
    }),
    // HEAD before GET: Express would otherwise answer HEAD with the GET route.
    defineRoute({ ...subject, method: 'head', query: validateTokenQuery, response: null, handler: checkTokenHandler(k) }),
    defineRoute({ ...subject, method: 'get', query: validateTokenQuery, response: tokenResponse, handler: validateTokenHandler(k) }),
    defineRoute({ ...subject, method: 'delete', query: noQuery, response: null, successStatus: 204, handler: revokeTokenHandler(k) }),
  ];
}
