// GET /v3/users and /v3/users/:userId. Admins see every user; anyone else only themselves.
import type { User } from '../../../../crds/types.generated.js';
import { notFound } from '../../common/errors.js';
import type { Stores } from '../../deps.js';
import { syncHandler, type Handler } from './handler.js';
import { byNameThenId, collection, policyDenied, queryFlag, queryValue } from './collection.js';
import { showUser } from './users.view.js';

function matches(u: User, query: Record<string, unknown>): boolean {
  const name = queryValue(query, 'name');
  const domainId = queryValue(query, 'domain_id');
  const enabled = queryFlag(query, 'enabled');
  if (name !== undefined && u.spec.name !== name) return false;
  if (domainId !== undefined && u.spec.domainId !== domainId) return false;
  return enabled === undefined || (u.spec.enabled !== false) === enabled;
}

export function listUsersHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const all = stores.users.list().filter((u) => !u.metadata.deletionTimestamp);
    const visible = ctx.auth.isAdmin ? all : all.filter((u) => u.metadata.name === ctx.auth.userId);
    const items = visible.filter((u) => matches(u, ctx.query)).sort(byNameThenId);
    return { body: collection(ctx, 'users', items.map((u) => showUser(ctx.baseUrl, u))) };
  });
}

export function showUserHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const id = ctx.params.userId;
    const user = stores.users.get(id);
    if (!user || user.metadata.deletionTimestamp) throw notFound(`Could not find user: ${id}.`);
    if (!ctx.auth.isAdmin && ctx.auth.userId !== id) throw policyDenied('get_user');
    return { body: { user: showUser(ctx.baseUrl, user) } };
  });
}
