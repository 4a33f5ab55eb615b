// Who is authenticating (password, an existing token or an application credential) and what the
// new token is scoped to, as Keystone's auth plugins and scope rules decide it. Every failure here
// is Keystone's generic 401 (Keystone hides its details unless insecure_debug is set), so the
// response does not reveal whether the user, the scope, the credential or the secret was wrong; the exceptions are Keystone's own: a locked account says so, an overloaded
// server says 503, and re-scoping a system-scoped or application credential token is a 403.
import type { ApplicationCredential, User } from '../../../crds/types.generated.js';
import type { AuthContext } from '../common/route.js';
import { forbidden, unauthorized } from '../common/errors.js';
import type { Stores } from '../deps.js';
import { activeProject, isActive, rolesOn } from './assignments.js';
import { domainEnabled, resolveDomainId } from './default-domain.js';
import { effectiveRoles } from './effective-roles.js';
import type { TokenProvider } from './token-provider.js';

export interface DomainSelector {
  id?: string;
  name?: string;
}

export interface UserRef {
  id?: string;
  name?: string;
  domain?: DomainSelector;
}

export type ScopeRequest =
  | { kind: 'default' }
  | { kind: 'unscoped' }
  | { kind: 'project'; id?: string; name?: string; domain?: DomainSelector }
  | { kind: 'domain'; id?: string; name?: string }
  | { kind: 'system' }
  /** Trust scope: recognised, but there are no trusts here. */
  | { kind: 'unsupported'; what: string };

export type Credentials =
  | { method: 'password'; user: UserRef; password: string }
  | { method: 'token'; token: string }
  /** By id, or by name and the owning user. */
  | { method: 'application_credential'; id?: string; name?: string; user?: UserRef; secret: string }
  | { method: 'unsupported'; names: string[] };

export interface Identity {
  user: User;
  methods: string[];
  /** Set when an existing token was re-scoped. */
  parent?: AuthContext;
  /** Set when an application credential authenticated: it decides the scope. */
  appCred?: ApplicationCredential;
}

/** What the new token is scoped to (TokenProvider's IssueRequest fields). */
export interface TokenScope {
  projectId: string | null;
  domainId?: string;
  system?: boolean;
}

function findUser(stores: Stores, ref: UserRef): User | undefined {
  if (ref.id !== undefined) return stores.users.get(ref.id);
  const domainId = resolveDomainId(stores, ref.domain);
  if (!domainId) return undefined;
  return stores.users.list().find((u) => u.spec.name === ref.name && u.spec.domainId === domainId);
}

/** A user who may authenticate: enabled, in an enabled domain (as in Keystone). */
function usable(stores: Stores, user: User | undefined): user is User {
  return isActive(user) && domainEnabled(stores, user.spec.domainId);
}

function findAppCred(stores: Stores, c: Extract<Credentials, { method: 'application_credential' }>): ApplicationCredential | undefined {
  if (c.id !== undefined) return stores.applicationCredentials.get(c.id);
  const user = c.user && findUser(stores, c.user);
  if (!user) return undefined;
  return stores.applicationCredentials.list().find((a) => a.spec.userId === user.metadata.name && a.spec.name === c.name);
}

const expired = (cred: ApplicationCredential, nowMs: number): boolean => cred.spec.expiresAt !== undefined && Date.parse(cred.spec.expiresAt) <= nowMs;

async function identifyAppCred(stores: Stores, tokens: TokenProvider, c: Extract<Credentials, { method: 'application_credential' }>): Promise<Identity> {
  const found = findAppCred(stores, c);
  const cred = found?.metadata.deletionTimestamp ? undefined : found;
  // Checked even for an unknown credential, so timing does not tell which it was.
  const ok = await tokens.verifyAppCredSecret(cred, c.secret);
  const user = cred && stores.users.get(cred.spec.userId);
  if (!ok || !cred || !usable(stores, user)) throw unauthorized();
  if (expired(cred, Date.now())) throw unauthorized();
  return { user, methods: ['application_credential'], appCred: cred };
}

async function identifyByToken(stores: Stores, tokens: TokenProvider, token: string): Promise<Identity> {
  const parent = await tokens.validate(token);
  // Keystone's token plugin: a restricted delegation must not be widened by re-scoping.
  if (parent.applicationCredential) throw forbidden('You are not authorized to perform the requested action: Using an application credential token to create another token is not allowed.');
  const user = stores.users.get(parent.userId);
  if (!user) throw unauthorized();
  return { user, methods: ['token'], parent };
}

export async function identify(stores: Stores, tokens: TokenProvider, credentials: Credentials): Promise<Identity> {
  if (credentials.method === 'password') {
    const user = findUser(stores, credentials.user);
    // Checked even for an unknown or disabled user, so timing does not tell which it was.
    const ok = await tokens.verifyPassword(user, credentials.password);
    // A disabled domain's users cannot authenticate, as in Keystone.
    if (!ok || !usable(stores, user)) throw unauthorized();
    return { user, methods: ['password'] };
  }
  if (credentials.method === 'token') return identifyByToken(stores, tokens, credentials.token);
  if (credentials.method === 'application_credential') return identifyAppCred(stores, tokens, credentials);
  throw unauthorized('Attempted to authenticate with an unsupported method.');
}

function findProjectId(stores: Stores, scope: Extract<ScopeRequest, { kind: 'project' }>): string | undefined {
  if (scope.id !== undefined) return scope.id;
  const domainId = resolveDomainId(stores, scope.domain);
  if (!domainId) return undefined;
  return stores.projects.list().find((p) => p.spec.name === scope.name && p.spec.domainId === domainId)?.metadata.name;
}

/** The project, if it is usable and the user holds a role on it. */
function grantedProject(stores: Stores, userId: string, projectId: string | undefined): string | undefined {
  if (projectId === undefined || !activeProject(stores, projectId)) return undefined;
  if (!domainEnabled(stores, stores.projects.get(projectId)?.spec.domainId ?? '')) return undefined;
  return rolesOn(stores, userId, projectId).length ? projectId : undefined;
}

/** Keystone's token model refuses a domain- or system-scoped token without roles there (401). */
function domainScope(stores: Stores, user: User, scope: Extract<ScopeRequest, { kind: 'domain' }>): TokenScope {
  const domainId = resolveDomainId(stores, scope);
  if (!domainId || !domainEnabled(stores, domainId) || !effectiveRoles(stores, user.metadata.name, { domainId }).length) {
    throw unauthorized();
  }
  return { projectId: null, domainId };
}

function systemScope(stores: Stores, user: User): TokenScope {
  if (!effectiveRoles(stores, user.metadata.name, { system: 'all' }).length) throw unauthorized();
  return { projectId: null, system: true };
}

/** An application credential's token is scoped to its project, and may not ask for a scope. */
function appCredScope(cred: ApplicationCredential, scope: ScopeRequest): TokenScope {
  if (scope.kind !== 'default') throw unauthorized();
  return { projectId: cred.spec.projectId };
}

/** Keystone: a system-scoped token cannot become a project- or domain-scoped one. */
function checkRescope(parent: AuthContext | undefined, scope: ScopeRequest): void {
  if (parent?.system && (scope.kind === 'project' || scope.kind === 'domain')) {
    throw forbidden('You are not authorized to perform the requested action: Using a system-scoped token to create a project-scoped or domain-scoped token is not allowed.');
  }
}

/** What the new token is scoped to; throws 401 where the user holds no role on the scope asked for. */
export function resolveScope(stores: Stores, identity: Identity, scope: ScopeRequest): TokenScope {
  const { user, parent, appCred } = identity;
  if (appCred) return appCredScope(appCred, scope);
  checkRescope(parent, scope);
  switch (scope.kind) {
    case 'unscoped':
      return { projectId: null };
    case 'default':
      // Keystone falls back to unscoped when the default project is not usable.
      return { projectId: grantedProject(stores, user.metadata.name, user.spec.defaultProjectId) ?? null };
    case 'project': {
      const projectId = grantedProject(stores, user.metadata.name, findProjectId(stores, scope));
      if (!projectId) throw unauthorized();
      return { projectId };
    }
    case 'domain':
      return domainScope(stores, user, scope);
    case 'system':
      return systemScope(stores, user);
    default:
      // There are no trusts here, which Keystone answers with 401.
      throw unauthorized(`User ${user.metadata.name} has no access to the requested ${scope.what} scope.`);
  }
}
