// GET /v3/roles and /v3/roles/:roleId. Keystone's default policy lets only admins (and system
// readers, which do not exist here) read role definitions.
import { notFound } from '../../common/errors.js';
import type { Stores } from '../../deps.js';
import { syncHandler, type Handler } from './handler.js';
import { byNameThenId, collection, policyDenied, queryValue } from './collection.js';
import { showRole } from './roles.view.js';

export function listRolesHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    if (!ctx.auth.isAdmin) throw policyDenied('list_roles');
    const name = queryValue(ctx.query, 'name');
    const domainId = queryValue(ctx.query, 'domain_id');
    const items = stores.roles
      .list()
      .filter((r) => name === undefined || r.spec.name === name)
      .filter((r) => domainId === undefined || (r.spec.domainId ?? null) === domainId)
      .sort(byNameThenId);
    return { body: collection(ctx, 'roles', items.map((r) => showRole(ctx.baseUrl, r))) };
  });
}

export function showRoleHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.roleId;
    const role = stores.roles.get(id);
    if (!role) throw notFound(`Could not find role: ${id}.`);
    if (!ctx.auth.isAdmin) throw policyDenied('get_role');
    return { body: { role: showRole(ctx.baseUrl, role) } };
  });
}
