// GET /v3/users (admins only, as Keystone's identity:list_users without domain-scoped tokens) and
// GET /v3/users/:userId (identity:get_user: an admin, or the user themselves). As in Keystone,
// an unknown user is 404 before the policy is checked.
import { notFound } from '../../../common/errors.js';
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks, policyDenied } from '../collection.js';
import type { ListUsersQuery } from './users.schema.js';
import { userFilter } from './users.query.js';
import { userListView, userView } from './users.view.js';

export function listUsersHandler(stores: Stores): Handler<undefined, ListUsersQuery> {
  return syncHandler((ctx) => {
    const live = stores.users.list().filter((u) => !u.metadata.deletionTimestamp);
    const items = live.filter(userFilter(ctx.query)).sort(byNameThenId);
    return { body: userListView(ctx.baseUrl, collectionLinks(ctx), items) };
  });
}

export function showUserHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.userId;
    const user = stores.users.get(id);
    if (!user || user.metadata.deletionTimestamp) throw notFound(`Could not find user: ${id}.`);
    if (!ctx.auth.isAdmin && ctx.auth.userId !== id) throw policyDenied('get_user');
    return { body: { user: userView(ctx.baseUrl, user) } };
  });
}
