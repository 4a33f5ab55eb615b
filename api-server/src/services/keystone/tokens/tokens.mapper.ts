// POST /v3/auth/tokens body (wire) -> what authentication works with. Only here do the wire's
// snake_case and method-keyed shapes meet the camelCase types of auth/authenticate.ts.
import { badRequest } from '../../../common/errors.js';
import type { Credentials, ScopeRequest, UserRef } from '../../../auth/authenticate.js';
import type { IssueTokenBody } from './tokens.schema.js';

export interface AuthRequest {
  credentials: Credentials;
  scope: ScopeRequest;
}

type IdentityWire = IssueTokenBody['auth']['identity'];
type ScopeWire = IssueTokenBody['auth']['scope'];
type AppCredWire = NonNullable<IdentityWire['application_credential']>;

const METHODS = ['password', 'token', 'application_credential'] as const;

/** Keystone's user reference: an id, or a name with its domain. */
function userRef(user: UserRef): UserRef {
  if (user.id === undefined && user.name === undefined) throw badRequest('Expecting to find id or name in user.');
  if (user.id === undefined && !user.domain) throw badRequest('Expecting to find domain in user.');
  return user;
}

/** Keystone's AppCredInfo: by id, or by name with the owning user. */
function appCredCredentials(wire: AppCredWire): Credentials {
  const { id, name, secret, user } = wire;
  if (id !== undefined) return { method: 'application_credential', id, secret };
  if (name === undefined) throw badRequest('Expecting to find id or name in application credential.');
  if (!user) throw badRequest('Expecting to find user in application credential.');
  return { method: 'application_credential', name, user: userRef(user), secret };
}

function toCredentials(identity: IdentityWire): Credentials {
  const { methods } = identity;
  // Keystone: a method listed in "methods" must come with its section.
  for (const m of METHODS) {
    if (methods.includes(m) && !identity[m]) throw badRequest(`Expecting to find ${m} in identity.`);
  }
  if (methods.includes('password') && identity.password) {
    const { password, ...user } = identity.password.user;
    return { method: 'password', user: userRef(user), password };
  }
  if (methods.includes('token') && identity.token) return { method: 'token', token: identity.token.id };
  if (methods.includes('application_credential') && identity.application_credential) return appCredCredentials(identity.application_credential);
  return { method: 'unsupported', names: methods };
}

type ScopeObject = Exclude<ScopeWire, 'unscoped' | undefined>;

function projectScope(project: NonNullable<ScopeObject['project']>): ScopeRequest {
  const { id, name, domain } = project;
  if (id === undefined && name === undefined) throw badRequest('Expecting to find id or name in project.');
  if (id === undefined && !domain) throw badRequest('Expecting to find domain in project.');
  return { kind: 'project', id, name, domain };
}

function domainScope(domain: NonNullable<ScopeObject['domain']>): ScopeRequest {
  if (domain.id === undefined && domain.name === undefined) throw badRequest('Expecting to find id or name in domain.');
  return { kind: 'domain', id: domain.id, name: domain.name };
}

function toScope(scope: ScopeWire): ScopeRequest {
  if (scope === undefined) return { kind: 'default' };
  if (scope === 'unscoped') return { kind: 'unscoped' };
  if (scope.project) return projectScope(scope.project);
  if (scope.domain) return domainScope(scope.domain);
  if (scope.system) {
    // Keystone has one system, "all"; any other system scope is not one it can grant.
    if (scope.system.all !== true) throw badRequest('Expecting to find all in system.');
    return { kind: 'system' };
  }
  const what = Object.keys(scope)[0];
  return what ? { kind: 'unsupported', what } : { kind: 'default' };
}

export function toAuthRequest(body: IssueTokenBody): AuthRequest {
  return { credentials: toCredentials(body.auth.identity), scope: toScope(body.auth.scope) };
}
