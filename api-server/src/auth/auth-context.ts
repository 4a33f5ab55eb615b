// Turns a decoded token into the caller's identity. A token only proves who authenticated and
// what they asked for; whether the user may still act is decided now: the user and the scope
// (project, domain or system) must still exist and be enabled, and roles are recomputed from the
// current RoleAssignments, so disabling a user or removing a role takes effect on tokens already
// issued. A token issued with an application credential holds only the credential's roles that
// the user still has, and dies with the credential.
import type { ApplicationCredential, Role } from '../../../crds/types.generated.js';
import type { AuthContext } from '../common/route.js';
import { unauthorized } from '../common/errors.js';
import type { Stores } from '../deps.js';
import { activeProject, activeUser, hasAdminRole, rolesOn } from './assignments.js';
import { domainEnabled, findDomain } from './default-domain.js';
import { effectiveRoles } from './effective-roles.js';
import type { TokenData } from './token-codec.js';

type ScopePart = Pick<
  AuthContext,
  'projectId' | 'projectName' | 'projectDomainId' | 'domainId' | 'domainName' | 'system' | 'roles' | 'isAdmin' | 'applicationCredential'
>;

const roleRefs = (roles: Role[]): AuthContext['roles'] => roles.map((r) => ({ id: r.metadata.name, name: r.spec.name }));

/** The credential, if it still exists and is the user's on this project; the token dies with it. */
function liveAppCred(stores: Stores, data: TokenData): ApplicationCredential {
  const cred = data.appCredId === undefined ? undefined : stores.applicationCredentials.get(data.appCredId);
  if (!cred || cred.metadata.deletionTimestamp || cred.spec.userId !== data.userId || cred.spec.projectId !== data.projectId) throw unauthorized();
  return cred;
}

/** The credential's delegated roles the user still holds on its project (Keystone computes the same at every validation). */
export function appCredRoles(stores: Stores, cred: ApplicationCredential): Role[] {
  const delegated = new Set(cred.spec.roles);
  return rolesOn(stores, cred.spec.userId, cred.spec.projectId).filter((r) => delegated.has(r.metadata.name));
}

function projectScope(stores: Stores, data: TokenData, projectId: string): ScopePart {
  const project = activeProject(stores, projectId);
  if (!project || !domainEnabled(stores, project.spec.domainId)) throw unauthorized();
  const cred = data.appCredId === undefined ? undefined : liveAppCred(stores, data);
  const roles = cred ? appCredRoles(stores, cred) : rolesOn(stores, data.userId, projectId);
  // A project-scoped token is only as good as the roles behind it.
  if (!roles.length) throw unauthorized();
  return {
    projectId: project.metadata.name,
    projectName: project.spec.name,
    projectDomainId: project.spec.domainId,
    roles: roleRefs(roles),
    isAdmin: hasAdminRole(roles),
    ...(cred ? { applicationCredential: { id: cred.metadata.name, name: cred.spec.name, unrestricted: cred.spec.unrestricted === true } } : {}),
  };
}

/** A domain-scoped token: the user's roles on the domain itself. It is never a project (or cloud) admin. */
function domainScope(stores: Stores, userId: string, domainId: string): ScopePart {
  const domain = findDomain(stores, domainId);
  if (!domain || domain.spec.enabled === false) throw unauthorized();
  const roles = effectiveRoles(stores, userId, { domainId });
  if (!roles.length) throw unauthorized();
  return { domainId, domainName: domain.spec.name, roles: roleRefs(roles), isAdmin: false };
}

/** A system-scoped token: the user's system roles; with admin among them, Keystone's cloud admin. */
function systemScope(stores: Stores, userId: string): ScopePart {
  const roles = effectiveRoles(stores, userId, { system: 'all' });
  if (!roles.length) throw unauthorized();
  return { system: true, roles: roleRefs(roles), isAdmin: hasAdminRole(roles) };
}

function scopeOf(stores: Stores, data: TokenData): ScopePart {
  if (data.system) return systemScope(stores, data.userId);
  if (data.domainId !== undefined) return domainScope(stores, data.userId, data.domainId);
  if (data.projectId !== null) return projectScope(stores, data, data.projectId);
  return { roles: [], isAdmin: false };
}

/** Throws ApiError 401 when the token no longer grants anything. */
export function resolveAuthContext(stores: Stores, data: TokenData, token: string): AuthContext {
  const user = activeUser(stores, data.userId);
  if (!user) throw unauthorized();
  // A password change (or disabling the user or their domain) revokes the user's earlier tokens,
  // as Keystone revokes by user id. Tokens carry their issue time in milliseconds, so the login
  // right after the change stays valid.
  if (user.spec.tokensValidAfter && data.issuedAt.getTime() < Date.parse(user.spec.tokensValidAfter)) throw unauthorized();
  return {
    userId: user.metadata.name,
    userName: user.spec.name,
    userDomainId: user.spec.domainId,
    ...scopeOf(stores, data),
    methods: data.methods,
    expiresAt: data.expiresAt,
    issuedAt: data.issuedAt,
    auditIds: data.auditIds,
    token,
  };
}
