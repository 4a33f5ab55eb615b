// Keystone's grants: PUT (grant), HEAD/GET (check), DELETE (revoke) one role of an actor on a
// target, and GET the roles granted, for every shape in grants.shapes.ts. As Keystone, the role
// is looked up first, then the actor, then the target, each unknown one its 404; revoking does
// not need the actor to exist (a deleted user's grants can still be revoked). A grant made twice
// is one RoleAssignment (204 both times).
import type { Role, RoleAssignment } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import { badRequest, forbidden, notFound, type ApiError } from '../../../common/errors.js';
import { findDomain } from '../../../auth/default-domain.js';
import { isDomainSpecific } from '../../../auth/effective-roles.js';
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks } from '../collection.js';
import { findRole } from '../roles/roles.access.js';
import { roleListView } from '../roles/roles.view.js';
import { actorIdOf, grantOf, sameGrant, sameHolderAndTarget, targetIdOf, type Grant, type GrantShape } from './grants.shapes.js';
import { toRoleAssignmentResource } from './grants.mapper.js';

function checkActorExists(stores: Stores, g: Grant): void {
  if (g.userId !== undefined) {
    const user = stores.users.get(g.userId);
    if (!user || user.metadata.deletionTimestamp) throw notFound(`Could not find user: ${g.userId}.`);
  } else if (g.groupId !== undefined) {
    const group = stores.groups.get(g.groupId);
    if (!group || group.metadata.deletionTimestamp) throw notFound(`Could not find group: ${g.groupId}.`);
  }
}

function checkTargetExists(stores: Stores, g: Grant): void {
  if (g.domainId !== undefined && !findDomain(stores, g.domainId)) throw notFound(`Could not find domain: ${g.domainId}.`);
  if (g.projectId !== undefined) {
    const project = stores.projects.get(g.projectId);
    if (!project || project.metadata.deletionTimestamp) throw notFound(`Could not find project: ${g.projectId}.`);
  }
}

/** A domain-specific role is granted only in its own domain's projects, and never on the system. */
function checkRoleFitsTarget(stores: Stores, role: Role, g: Grant): void {
  if (!isDomainSpecific(role)) return;
  const id = role.metadata.name;
  if (g.system) throw badRequest(`Role ${id} is a domain-specific role. Unable to use a domain-specific role in a system assignment.`);
  const project = g.projectId !== undefined ? stores.projects.get(g.projectId) : undefined;
  if (project && project.spec.domainId !== role.spec.domainId) {
    throw forbidden(`Project ${g.projectId} must be in the same domain as the role ${id} being assigned.`);
  }
}

function assignmentNotFound(g: Grant): ApiError {
  return notFound(`Could not find role assignment with role: ${g.roleId}, user or group: ${actorIdOf(g)}, project, domain, or system: ${targetIdOf(g)}.`);
}

const existing = (stores: Stores, g: Grant): RoleAssignment[] => stores.roleAssignments.list().filter((a) => sameGrant(a.spec, g));

export function createGrantHandler(stores: Stores, shape: GrantShape): Handler {
  return async (ctx) => {
    const grant = grantOf(shape, ctx.params);
    const role = findRole(stores, grant.roleId);
    checkActorExists(stores, grant);
    checkTargetExists(stores, grant);
    checkRoleFitsTarget(stores, role, grant);
    if (existing(stores, grant).length) return { status: 204 };
    try {
      await stores.roleAssignments.create(toRoleAssignmentResource(grant));
    } catch (err) {
      // The same grant, made at the same moment by another request: one object, as asked.
      if (!isAlreadyExists(err)) throw err;
    }
    return { status: 204 };
  };
}

export function checkGrantHandler(stores: Stores, shape: GrantShape): Handler {
  return syncHandler((ctx) => {
    const grant = grantOf(shape, ctx.params);
    findRole(stores, grant.roleId);
    checkActorExists(stores, grant);
    checkTargetExists(stores, grant);
    if (!existing(stores, grant).length) throw assignmentNotFound(grant);
    return { status: 204 };
  });
}

export function revokeGrantHandler(stores: Stores, shape: GrantShape): Handler {
  return async (ctx) => {
    const grant = grantOf(shape, ctx.params);
    findRole(stores, grant.roleId);
    checkTargetExists(stores, grant);
    let deleted = false;
    for (const a of existing(stores, grant)) deleted = (await stores.roleAssignments.delete(a.metadata.name)) || deleted;
    if (!deleted) throw assignmentNotFound(grant);
    return { status: 204 };
  };
}

export function listGrantsHandler(stores: Stores, shape: GrantShape): Handler {
  return syncHandler((ctx) => {
    const holder = grantOf(shape, ctx.params);
    checkActorExists(stores, holder);
    checkTargetExists(stores, holder);
    const ids = new Set(stores.roleAssignments.list().filter((a) => sameHolderAndTarget(a.spec, holder)).map((a) => a.spec.roleId));
    const roles = [...ids].map((id) => stores.roles.get(id)).filter((r): r is Role => r !== undefined);
    return { body: roleListView(ctx.baseUrl, collectionLinks(ctx), roles.sort((a, b) => a.spec.name.localeCompare(b.spec.name))) };
  });
}
