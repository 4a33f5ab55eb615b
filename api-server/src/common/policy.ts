// The authorization rules shared by the services (Nova's and Glance's defaults for this slice).
import type { AuthContext } from './route.js';
import { forbidden } from './errors.js';

/** The project a request acts in; Nova and Glance need a project-scoped token. */
export function requireProject(auth: AuthContext): string {
  if (!auth.projectId) throw forbidden('A project-scoped token is required for this request.');
  return auth.projectId;
}

export function requireAdmin(auth: AuthContext, what: string): void {
  if (!auth.isAdmin) throw forbidden(`Policy doesn't allow ${what} to be performed.`);
}
