// Neutron's error types (the NeutronError body's "type"), for the handlers of every resource.
import { ApiError } from '../../common/errors.js';

export const neutronBadRequest = (message: string): ApiError => new ApiError(400, message, {}, 'HTTPBadRequest');
export const policyNotAuthorized = (action: string): ApiError =>
  new ApiError(403, `rule:${action} is disallowed by policy`, {}, 'PolicyNotAuthorized');
export const neutronNotFound = (type: string, message: string): ApiError => new ApiError(404, message, {}, type);
export const neutronConflict = (type: string, message: string): ApiError => new ApiError(409, message, {}, type);

/** Neutron's convert_to_boolean: true/false, or their string forms ("True", "0"). */
export function toBool(v: boolean | string | undefined): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  return ['true', '1'].includes(v.toLowerCase());
}

/**
 * If-Match: revision_number=N (revision-if-match): the update or delete goes ahead only while the
 * resource is at revision N; anything else in the header is ignored, as Neutron ignores ETags.
 */
export function expectedRevision(header: string | undefined): number | undefined {
  const m = /revision_number=(\d+)/.exec(header ?? '');
  return m ? Number(m[1]) : undefined;
}

export function checkRevision(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new ApiError(412, `Constrained to ${expected}, but current revision is ${current}`, {}, 'RevisionNumberConstraintFailed');
  }
}

/**
 * The project a new resource belongs to: the caller's, or any project an admin names (tenant_id
 * and project_id must then agree), as Neutron's base controller decides it.
 */
export function requestedProject(own: string, isAdmin: boolean, req: { tenant_id?: string; project_id?: string }): string {
  if (req.tenant_id && req.project_id && req.tenant_id !== req.project_id) throw neutronBadRequest("'project_id' and 'tenant_id' do not match");
  const asked = req.project_id ?? req.tenant_id;
  if (asked && asked !== own && !isAdmin) {
    throw neutronBadRequest("Specifying 'project_id' or 'tenant_id' other than the authenticated project in request requires admin privileges");
  }
  return asked ?? own;
}

/** Neutron's admin_or_owner: changing a resource needs its project or an admin (403 otherwise). */
export function requireOwner(auth: { isAdmin: boolean; projectId?: string }, projectId: string, action: string): void {
  if (!auth.isAdmin && projectId !== auth.projectId) throw policyNotAuthorized(action);
}
