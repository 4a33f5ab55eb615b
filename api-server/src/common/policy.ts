// Who may call what, following Keystone's and Nova's default personas: reader reads, member (which
// implies reader) writes in its own project, admin (which implies member) is the cloud admin, as
// the `admin` role is in Nova's and Keystone's defaults. A role outside the hierarchy grants
// nothing beyond 'authenticated'.
import type { AuthContext } from './route.js';
import { forbidden } from './errors.js';

export type Policy =
  /** No token needed: discovery documents and authentication itself. */
  | 'public'
  /** Any valid token, project-scoped or not (reading one's own token, one's own projects). */
  | 'authenticated'
  /** The reader role (or one implying it) on the token's project. */
  | 'reader'
  /** The member role (or one implying it) on the token's project. */
  | 'member'
  /** The admin role. */
  | 'admin';

/** Keystone's default role hierarchy: each role and the roles it implies. */
const IMPLIED_ROLES: Record<string, readonly string[]> = {
  admin: ['manager', 'member', 'reader'],
  manager: ['member', 'reader'],
  member: ['reader'],
  reader: [],
};

/** The names of the caller's roles, with every role they imply. */
export function effectiveRoles(auth: AuthContext): Set<string> {
  const out = new Set<string>();
  for (const { name } of auth.roles) {
    out.add(name);
    for (const implied of IMPLIED_ROLES[name] ?? []) out.add(implied);
  }
  return out;
}

/** Whether the policy admits the caller (project ownership of a resource is checked after). */
export function allows(policy: Policy, auth: AuthContext | undefined): boolean {
  if (policy === 'public') return true;
  if (!auth) return false;
  if (policy === 'authenticated') return true;
  if (policy === 'admin') return auth.isAdmin;
  return auth.isAdmin || (auth.projectId !== undefined && effectiveRoles(auth).has(policy));
}

/** The project a request acts in; Nova and Glance need a project-scoped token. */
export function requireProject(auth: AuthContext): string {
  if (!auth.projectId) throw forbidden('A project-scoped token is required for this request.');
  return auth.projectId;
}
