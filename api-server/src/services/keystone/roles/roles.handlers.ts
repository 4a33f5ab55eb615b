// GET /v3/roles and /v3/roles/:roleId. Keystone's default policy lets only admins (and system
// readers, which do not exist here) read role definitions; the route's policy says so.
import { notFound } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks } from '../collection.js';
import type { ListRolesQuery } from './roles.schema.js';
import { roleFilter } from './roles.query.js';
import { roleListView, roleView } from './roles.view.js';

export function listRolesHandler(stores: Stores): Handler<undefined, ListRolesQuery> {
  return syncHandler((ctx) => {
    const items = stores.roles.list().filter(roleFilter(ctx.query)).sort(byNameThenId);
    return { body: roleListView(ctx.baseUrl, collectionLinks(ctx), items) };
  });
}

export function showRoleHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.roleId;
    const role = stores.roles.get(id);
    if (!role) throw notFound(`Could not find role: ${id}.`);
    return { body: { role: roleView(ctx.baseUrl, role) } };
  });
}
