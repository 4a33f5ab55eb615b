// /v3/users. Reads: the list for admins (identity:list_users without domain-scoped tokens), one
// user for an admin or the user (identity:get_user; an unknown user is 404 before the policy, as
// in Keystone). Writes, for admins: create (the name unique in its domain through a NameClaim,
// the password hashed into the user's Secret) and update (rename moves the claim; a new password
// or disabling revokes the user's earlier tokens, as Keystone does). Deletion and the user's own
// password change are in users.remove.ts and users.password.ts.
import { Resources } from '../../../../../crds/resources.js';
import type { User } from '../../../../../crds/types.generated.js';
import { notFound } from '../../../common/errors.js';
import { duplicateInDomain, withNewClaim, withRenamedClaim, type ClaimRequest, type NameKey } from '../../../common/name-claims.js';
import type { AppDeps } from '../../../deps.js';
import { DEFAULT_DOMAIN_ID } from '../../../auth/default-domain.js';
import { setUserPassword } from '../../../auth/password-store.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks, policyDenied } from '../collection.js';
import { findDomainOr404 } from '../domains/domains.handlers.js';
import { newKeystoneId } from '../domains/domains.mapper.js';
import type { CreateUserRequest, ListUsersQuery, UpdateUserRequest } from './users.schema.js';
import { userFilter } from './users.query.js';
import { userListView, userView } from './users.view.js';
import { applyUserUpdate, toUserResource } from './users.mapper.js';

export const userNameKey = (domainId: string, name: string): NameKey => ({ kind: Resources.User.kind, scope: domainId, name });

function userClaim(domainId: string, name: string, holderId: string): ClaimRequest {
  return { key: userNameKey(domainId, name), holderId, taken: () => duplicateInDomain('user', name, domainId) };
}

export function findUser(d: AppDeps, id: string): User {
  const user = d.stores.users.get(id);
  if (!user || user.metadata.deletionTimestamp) throw notFound(`Could not find user: ${id}.`);
  return user;
}

/** When a password set now expires (Keystone's password_expires_days), or undefined. */
export function passwordExpiry(d: AppDeps, now = new Date()): string | undefined {
  const days = d.config.passwordExpiresDays;
  return days ? new Date(now.getTime() + days * 86_400_000).toISOString() : undefined;
}

export function listUsersHandler(d: AppDeps): Handler<undefined, ListUsersQuery> {
  return syncHandler((ctx) => {
    const live = d.stores.users.list().filter((u) => !u.metadata.deletionTimestamp);
    return { body: userListView(ctx.baseUrl, collectionLinks(ctx), live.filter(userFilter(ctx.query)).sort(byNameThenId)) };
  });
}

export function showUserHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => {
    const user = findUser(d, ctx.params.userId);
    if (!ctx.auth.isAdmin && ctx.auth.userId !== user.metadata.name) throw policyDenied('get_user');
    return { body: { user: userView(ctx.baseUrl, user) } };
  });
}

export function createUserHandler(d: AppDeps): Handler<{ user: CreateUserRequest }> {
  return async (ctx) => {
    const req = ctx.body.user;
    const domainId = req.domain_id ?? ctx.auth.projectDomainId ?? DEFAULT_DOMAIN_ID;
    findDomainOr404(d, domainId);
    const id = newKeystoneId();
    const password = req.password ?? undefined;
    const expires = password !== undefined ? passwordExpiry(d) : undefined;
    const created = await withNewClaim(d.stores, userClaim(domainId, req.name, id), async () => {
      const user = await d.stores.users.create(toUserResource(id, req, domainId, expires));
      try {
        if (password !== undefined) await setUserPassword(d.kube, d.config.systemNamespace, id, password);
      } catch (err) {
        await d.stores.users.delete(id);
        throw err;
      }
      return user;
    });
    return { status: 201, body: { user: userView(ctx.baseUrl, created) } };
  };
}

export function updateUserHandler(d: AppDeps): Handler<{ user: UpdateUserRequest }> {
  return async (ctx) => {
    const req = ctx.body.user;
    const current = findUser(d, ctx.params.userId);
    const id = current.metadata.name;
    const password = req.password ?? undefined;
    if (password !== undefined) await setUserPassword(d.kube, d.config.systemNamespace, id, password);
    const revoke = password !== undefined || req.enabled === false;
    const mutate = (u: User): User => {
      const spec = applyUserUpdate(u.spec, req);
      if (password !== undefined) spec.passwordExpiresAt = passwordExpiry(d);
      if (revoke) spec.tokensValidAfter = new Date().toISOString();
      return { ...u, spec };
    };
    const to = userClaim(current.spec.domainId, req.name ?? current.spec.name, id);
    const updated = await withRenamedClaim(d.stores, userNameKey(current.spec.domainId, current.spec.name), to, () => d.stores.users.update(id, undefined, mutate));
    if (!updated) throw notFound(`Could not find user: ${id}.`);
    return { body: { user: userView(ctx.baseUrl, updated) } };
  };
}
