// /v3/roles: list, show, create, update (PATCH) and delete, admin only as Keystone's
// identity:*_role defaults without system-scoped readers. Names are unique per domain (null: the
// global roles), held by a NameClaim so two concurrent creates cannot both win. An immutable role
// refuses every change but clearing that option, and deletion (Keystone's 403s). Deleting a role
// deletes its assignments and removes it from the roles that implied it.
import type { Role } from '../../../../../crds/types.generated.js';
import { badRequest, forbidden, notFound, type ApiError } from '../../../common/errors.js';
import { duplicateEntry, duplicateInDomain, releaseName, withNewClaim, withRenamedClaim, type NameKey } from '../../../common/name-claims.js';
import { deleteAssignmentsWhere } from '../../../auth/assignments.js';
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks } from '../collection.js';
import type { CreateRoleBody, ListRolesQuery, UpdateRoleBody } from './roles.schema.js';
import { roleFilter } from './roles.query.js';
import { roleListView, roleView } from './roles.view.js';
import { newRoleId, roleNameKey, toRoleResource, updatedRoleSpec } from './roles.mapper.js';
import { findRole } from './roles.access.js';

function duplicateRole(key: NameKey): ApiError {
  return key.scope ? duplicateInDomain('role', key.name, key.scope) : duplicateEntry('role', `Duplicate entry found with name ${key.name}.`);
}

/** Roles written before names were claimed (the seed's) hold no claim: the cache still knows them. */
function refuseNameInUse(stores: Stores, key: NameKey, holderId: string): void {
  const holder = stores.roles.list().find((r) => r.metadata.name !== holderId && r.spec.name === key.name && (r.spec.domainId ?? '') === key.scope);
  if (holder) throw duplicateRole(key);
}

const immutable = (role: Role): boolean => role.spec.options?.immutable === true;

/** Keystone's check_immutable_update: an immutable role takes only {options: {immutable: false|null}}. */
function checkUpdatable(role: Role, patch: UpdateRoleBody['role']): void {
  const id = role.metadata.name;
  const onlyClearsImmutable = Object.keys(patch).length === 1 && patch.options !== undefined && (patch.options.immutable === false || patch.options.immutable === null);
  if (immutable(role) && !onlyClearsImmutable) {
    throw forbidden(`Unable to update immutable role resource: \`${id}. Set resource option "immutable" to false first.`);
  }
  if (patch.domain_id !== undefined && patch.domain_id !== (role.spec.domainId ?? null)) throw badRequest('Update of `domain_id` is not allowed.');
}

export function listRolesHandler(stores: Stores): Handler<undefined, ListRolesQuery> {
  return syncHandler((ctx) => {
    const items = stores.roles.list().filter(roleFilter(ctx.query)).sort(byNameThenId);
    return { body: roleListView(ctx.baseUrl, collectionLinks(ctx), items) };
  });
}

export function showRoleHandler(stores: Stores): Handler {
  return syncHandler((ctx) => ({ body: { role: roleView(ctx.baseUrl, findRole(stores, ctx.params.roleId)) } }));
}

export function createRoleHandler(stores: Stores): Handler<CreateRoleBody> {
  return async (ctx) => {
    const wanted = toRoleResource(newRoleId(), ctx.body.role);
    const key = roleNameKey(wanted.spec);
    refuseNameInUse(stores, key, wanted.metadata.name);
    const claim = { key, holderId: wanted.metadata.name, taken: () => duplicateRole(key) };
    const created = await withNewClaim(stores, claim, () => stores.roles.create(wanted));
    return { status: 201, body: { role: roleView(ctx.baseUrl, created) } };
  };
}

export function updateRoleHandler(stores: Stores): Handler<UpdateRoleBody> {
  return async (ctx) => {
    const id = ctx.params.roleId;
    const patch = ctx.body.role;
    if (patch.id !== undefined && patch.id !== id) throw badRequest('Cannot change ID');
    const current = findRole(stores, id);
    checkUpdatable(current, patch);
    const [from, to] = [roleNameKey(current.spec), roleNameKey(updatedRoleSpec(current.spec, patch))];
    if (to.name !== from.name) refuseNameInUse(stores, to, id);
    const write = (): Promise<Role | undefined> =>
      stores.roles.update(id, undefined, (live) => {
        checkUpdatable(live, patch);
        return { ...live, spec: updatedRoleSpec(live.spec, patch) };
      });
    const updated = await withRenamedClaim(stores, from, { key: to, holderId: id, taken: () => duplicateRole(to) }, write);
    if (!updated) throw notFound(`Could not find role: ${id}.`);
    return { body: { role: roleView(ctx.baseUrl, updated) } };
  };
}

/** Drops the deleted role from every role that implied it (each under its own resourceVersion). */
async function forgetImplications(stores: Stores, roleId: string): Promise<void> {
  for (const prior of stores.roles.list().filter((r) => r.spec.implies?.includes(roleId))) {
    await stores.roles.update(prior.metadata.name, undefined, (live) => {
      if (!live.spec.implies?.includes(roleId)) return undefined;
      return { ...live, spec: { ...live.spec, implies: live.spec.implies.filter((i) => i !== roleId) } };
    });
  }
}

export function deleteRoleHandler(stores: Stores): Handler {
  return async (ctx) => {
    const id = findRole(stores, ctx.params.roleId).metadata.name;
    // Checked on the live object, and deleted at the resourceVersion read: a role made immutable
    // meanwhile is not deleted (409, retryable).
    const role = await stores.roles.client.get<Role>(stores.roles.resource, id);
    if (!role) throw notFound(`Could not find role: ${id}.`);
    if (immutable(role)) throw forbidden(`Unable to delete immutable role resource: \`${id}. Set resource option "immutable" to false first.`);
    await stores.roles.delete(id, undefined, { resourceVersion: role.metadata.resourceVersion });
    // Once the role is gone nothing grants it (assignments and implications of a missing role are
    // ignored), so a crash before the cleanup below leaves only inert references.
    await deleteAssignmentsWhere(stores, (a) => a.roleId === id);
    await forgetImplications(stores, id);
    await releaseName(stores, roleNameKey(role.spec), id);
    return { status: 204 };
  };
}
