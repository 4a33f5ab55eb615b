// POST /v3/auth/tokens body (wire) -> what authentication works with. Only here do the wire's
// snake_case and method-keyed shapes meet the camelCase types of auth/authenticate.ts.
import { badRequest } from '../../../common/errors.js';
import type { Credentials, ScopeRequest } from '../../../auth/authenticate.js';
import type { IssueTokenBody } from './tokens.schema.js';

export interface AuthRequest {
  credentials: Credentials;
  scope: ScopeRequest;
}

type IdentityWire = IssueTokenBody['auth']['identity'];
type ScopeWire = IssueTokenBody['auth']['scope'];

function toCredentials(identity: IdentityWire): Credentials {
  const { methods } = identity;
  // Keystone: a method listed in "methods" must come with its section.
  for (const m of ['password', 'token'] as const) {
    if (methods.includes(m) && !identity[m]) throw badRequest(`Expecting to find ${m} in identity.`);
  }
  if (methods.includes('password') && identity.password) {
    const { password, ...user } = identity.password.user;
    if (user.id === undefined && user.name === undefined) throw badRequest('Expecting to find id or name in user.');
    if (user.id === undefined && !user.domain) throw badRequest('Expecting to find domain in user.');
    return { method: 'password', user, password };
  }
  if (methods.includes('token') && identity.token) return { method: 'token', token: identity.token.id };
  return { method: 'unsupported', names: methods };
}

function toScope(scope: ScopeWire): ScopeRequest {
  if (scope === undefined) return { kind: 'default' };
  if (scope === 'unscoped') return { kind: 'unscoped' };
  if (scope.project) {
    const { id, name, domain } = scope.project;
    if (id === undefined && name === undefined) throw badRequest('Expecting to find id or name in project.');
    if (id === undefined && !domain) throw badRequest('Expecting to find domain in project.');
    return { kind: 'project', id, name, domain };
  }
  const what = Object.keys(scope)[0];
  return what ? { kind: 'unsupported', what } : { kind: 'default' };
}

export function toAuthRequest(body: IssueTokenBody): AuthRequest {
  return { credentials: toCredentials(body.auth.identity), scope: toScope(body.auth.scope) };
}
