// Who is authenticating (password or an existing token) and what the new token is scoped to, as
// Keystone's auth plugins and scope rules decide it. Every failure here is Keystone's generic
// 401, so the response does not reveal whether the user, the project or the password was wrong;
// the exceptions are Keystone's own: a locked account says so, and an overloaded server says 503.
import type { User } from '../../../crds/types.generated.js';
import type { AuthContext } from '../common/route.js';
import { unauthorized } from '../common/errors.js';
import type { Stores } from '../deps.js';
import { activeProject, isActive, rolesOn } from './assignments.js';
import { domainEnabled, resolveDomainId } from './default-domain.js';
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
  /** Domain, system and trust scope: recognised, but nobody holds roles there. */
  | { kind: 'unsupported'; what: string };

export type Credentials =
  | { method: 'password'; user: UserRef; password: string }
  | { method: 'token'; token: string }
  | { method: 'unsupported'; names: string[] };

export interface Identity {
  user: User;
  methods: string[];
  /** Set when an existing token was re-scoped. */
  parent?: AuthContext;
}

function findUser(stores: Stores, ref: UserRef): User | undefined {
  if (ref.id !== undefined) return stores.users.get(ref.id);
  const domainId = resolveDomainId(stores, ref.domain);
  if (!domainId) return undefined;
  return stores.users.list().find((u) => u.spec.name === ref.name && u.spec.domainId === domainId);
}

export async function identify(stores: Stores, tokens: TokenProvider, credentials: Credentials): Promise<Identity> {
  if (credentials.method === 'password') {
    const user = findUser(stores, credentials.user);
    // Checked even for an unknown or disabled user, so timing does not tell which it was.
    const ok = await tokens.verifyPassword(user, credentials.password);
    // A disabled domain's users cannot authenticate, as in Keystone.
    if (!ok || !isActive(user) || !domainEnabled(stores, user.spec.domainId)) throw unauthorized();
    return { user, methods: ['password'] };
  }
  if (credentials.method === 'token') {
    const parent = await tokens.validate(credentials.token);
    const user = stores.users.get(parent.userId);
    if (!user) throw unauthorized();
    return { user, methods: ['token'], parent };
  }
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

/** The new token's project id, or null for an unscoped token. */
export function resolveScope(stores: Stores, user: User, scope: ScopeRequest): string | null {
  switch (scope.kind) {
    case 'unscoped':
      return null;
    case 'default':
      // Keystone falls back to unscoped when the default project is not usable.
      return grantedProject(stores, user.metadata.name, user.spec.defaultProjectId) ?? null;
    case 'project': {
      const projectId = grantedProject(stores, user.metadata.name, findProjectId(stores, scope));
      if (!projectId) throw unauthorized();
      return projectId;
    }
    default:
      // No one holds domain, system or trust roles here, which Keystone answers with 401.
      throw unauthorized(`User ${user.metadata.name} has no access to the requested ${scope.what} scope.`);
  }
}
