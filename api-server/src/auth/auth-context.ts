// Turns a decoded token into the caller's identity. A token only proves who authenticated and
// what they asked for; whether the user may still act is decided now: the user and project must
// still exist and be enabled, and roles are recomputed from the current RoleAssignments, so
// disabling a user or removing a role takes effect on tokens already issued.
import type { AuthContext } from '../common/route.js';
import { unauthorized } from '../common/errors.js';
import type { Stores } from '../deps.js';
import { activeProject, activeUser, hasAdminRole, rolesOn } from './assignments.js';
import type { TokenData } from './token-codec.js';

function scopeOf(stores: Stores, data: TokenData): Pick<AuthContext, 'projectId' | 'projectName' | 'projectDomainId' | 'roles' | 'isAdmin'> {
  if (data.projectId === null) return { roles: [], isAdmin: false };
  const project = activeProject(stores, data.projectId);
  if (!project) throw unauthorized();
  const roles = rolesOn(stores, data.userId, data.projectId);
  // A project-scoped token is only as good as the roles behind it.
  if (!roles.length) throw unauthorized();
  return {
    projectId: project.metadata.name,
    projectName: project.spec.name,
    projectDomainId: project.spec.domainId,
    roles: roles.map((r) => ({ id: r.metadata.name, name: r.spec.name })),
    isAdmin: hasAdminRole(roles),
  };
}

/** Throws ApiError 401 when the token no longer grants anything. */
export function resolveAuthContext(stores: Stores, data: TokenData, token: string): AuthContext {
  const user = activeUser(stores, data.userId);
  if (!user) throw unauthorized();
  // A password change revokes the user's earlier tokens (Keystone revokes by user id). Tokens
  // carry whole seconds, so one issued in the second of the change (the new login) stays valid.
  if (user.spec.tokensValidAfter && data.issuedAt.getTime() < Math.floor(Date.parse(user.spec.tokensValidAfter) / 1000) * 1000) throw unauthorized();
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
