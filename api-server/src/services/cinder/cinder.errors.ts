// Cinder's error messages (cinder/exception.py), and the one check every project-scoped path
// makes: the {project_id} in the URL is the token's project, unless the caller is an admin.
import { ApiError, badRequest, notFound } from '../../common/errors.js';
import { requireProject } from '../../common/policy.js';
import type { AuthContext } from '../../common/route.js';

export const volumeNotFound = (id: string): ApiError => notFound(`Volume ${id} could not be found.`);
export const snapshotNotFound = (id: string): ApiError => notFound(`Snapshot ${id} could not be found.`);
export const volumeTypeNotFound = (id: string): ApiError => notFound(`Volume type ${id} could not be found.`);
export const invalidVolume = (reason: string): ApiError => badRequest(`Invalid volume: ${reason}`);
export const invalidInput = (reason: string): ApiError => badRequest(`Invalid input received: ${reason}`);

/**
 * The project the request acts in: the token's, which the path must name. Another project's path
 * is a 404 for anyone but an admin: to a tenant, another project does not exist.
 */
/** The caller of a request under /v3/{project_id}, once the path's project is checked to be theirs. */
export function pathAuth(ctx: { auth: AuthContext; params: Record<string, string> }): AuthContext {
  pathProject(ctx.auth, ctx.params.projectId);
  return ctx.auth;
}

export function pathProject(auth: AuthContext, pathProjectId: string): string {
  const own = requireProject(auth);
  if (pathProjectId !== own && !auth.isAdmin) throw notFound(`Project ${pathProjectId} could not be found.`);
  return own;
}
