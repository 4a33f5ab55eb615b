// POST, GET, HEAD and DELETE /v3/auth/tokens. The caller's own token arrives in X-Auth-Token
// (checked by the router: invalid is 401); the token acted on arrives in X-Subject-Token, and
// an invalid subject is 404, as Keystone answers. Keystone's identity:validate_token,
// check_token and revoke_token admit an admin or the subject token's own user.
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { ApiError, notFound } from '../../../common/errors.js';
import { identify, resolveScope } from '../../../auth/authenticate.js';
import type { Handler } from '../handler.js';
import { policyDenied } from '../collection.js';
import { catalogFor, type KeystoneDeps } from '../keystone.deps.js';
import { toAuthRequest } from './tokens.mapper.js';
import type { IssueTokenBody, TokenQuery } from './tokens.schema.js';
import { tokenView } from './tokens.view.js';

async function tokenResult<B>(k: KeystoneDeps, ctx: RouteContext<B, TokenQuery>, subject: AuthContext): Promise<RouteResult> {
  const catalog = ctx.query.nocatalog !== undefined ? undefined : await catalogFor(k, subject, ctx.baseUrl);
  return { headers: { 'X-Subject-Token': subject.token }, body: tokenView(k.app.stores, subject, catalog) };
}

export function issueTokenHandler(k: KeystoneDeps): Handler<IssueTokenBody, TokenQuery> {
  return async (ctx) => {
    const request = toAuthRequest(ctx.body);
    const identity = await identify(k.app.stores, k.tokens, request.credentials);
    const scope = resolveScope(k.app.stores, identity, request.scope);
    const { user, methods, parent, appCred } = identity;
    const issued = k.tokens.issue({
      userId: user.metadata.name,
      methods,
      ...scope,
      parent,
      ...(appCred ? { appCredId: appCred.metadata.name, notAfter: appCred.spec.expiresAt ? new Date(appCred.spec.expiresAt) : undefined } : {}),
    });
    return { status: 201, ...(await tokenResult(k, ctx, issued)) };
  };
}

/** The subject token, if valid and the caller may see it: its owner, or an admin. */
async function subjectOf<Q>(k: KeystoneDeps, ctx: RouteContext<undefined, Q>, action: string): Promise<AuthContext> {
  const raw = ctx.req.get('X-Subject-Token');
  if (!raw) throw notFound('Could not find token: X-Subject-Token header is missing.');
  let subject: AuthContext;
  try {
    subject = await k.tokens.validate(raw);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) throw notFound('Failed to validate token');
    throw err;
  }
  if (subject.userId !== ctx.auth.userId && !ctx.auth.isAdmin) throw policyDenied(action);
  return subject;
}

export function validateTokenHandler(k: KeystoneDeps): Handler<undefined, TokenQuery> {
  return async (ctx) => tokenResult(k, ctx, await subjectOf(k, ctx, 'validate_token'));
}

export function checkTokenHandler(k: KeystoneDeps): Handler<undefined, TokenQuery> {
  return async (ctx) => {
    const subject = await subjectOf(k, ctx, 'check_token');
    return { headers: { 'X-Subject-Token': subject.token } };
  };
}

export function revokeTokenHandler(k: KeystoneDeps): Handler {
  return async (ctx) => {
    await k.tokens.revoke(await subjectOf(k, ctx, 'revoke_token'), ctx.auth);
    return { status: 204 };
  };
}
